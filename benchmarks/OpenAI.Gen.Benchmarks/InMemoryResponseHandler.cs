using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen.Benchmarks;

/// <summary>An HTTP transport that answers every request with the same in-memory body, so only the client's work is measured.</summary>
public sealed class InMemoryResponseHandler : HttpMessageHandler
{
    private readonly byte[] _body;
    private readonly string _mediaType;

    /// <summary>Creates the handler over <paramref name="body"/> of <paramref name="mediaType"/>.</summary>
    public InMemoryResponseHandler(byte[] body, string mediaType)
    {
        _body = body;
        _mediaType = mediaType;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new MediaTypeHeaderValue(_mediaType);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
