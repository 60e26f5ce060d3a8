using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen;

/// <summary>How every operation builds its request: generated operations (Templates/Client.Class.liquid) and streaming alike.</summary>
public partial class OpenAIClient
{
    private RequestUris? _requestUris;

    /// <summary>A request to <paramref name="path"/> (relative to <c>BaseUrl</c>) with <paramref name="body"/> as JSON, if any.</summary>
    private HttpRequestMessage CreateRequest(HttpMethod method, string path, object? body, string accept)
    {
        var request = new HttpRequestMessage(method, RequestUri(path));
        if (body != null)
        {
            request.Content = JsonRequestContent.Create(body);
        }

        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    /// <summary>Sends a request made by <see cref="CreateRequest"/> through the pipeline; the answer's headers are in, its body may not be.</summary>
    private Task<HttpResponseMessage> SendRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        ((OpenAIHttpPipeline)_httpClient).SendUnsentAsync(request, cancellationToken);

    private Uri RequestUri(string path)
    {
        // BaseUrl may change at any time: the cache belongs to the base URL it was built for.
        var uris = _requestUris;
        if (uris == null || !ReferenceEquals(uris.BaseUrl, _baseUrl))
        {
            _requestUris = uris = new RequestUris(_baseUrl);
        }

        return uris.For(path);
    }
}
