using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen.Benchmarks;

/// <summary>
/// An HTTP transport that answers every request with the same in-memory body, so only the client's work is measured.
/// It takes the request body as a socket transport does (its length for the Content-Length header, then its bytes):
/// a client that writes its JSON only when the transport asks for it (the official SDK does) pays for it too.
/// </summary>
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
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } sent)
        {
            _ = sent.Headers.ContentLength;
            await sent.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new MediaTypeHeaderValue(_mediaType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
