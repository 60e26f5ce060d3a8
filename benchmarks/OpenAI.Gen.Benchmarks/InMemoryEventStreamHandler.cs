using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen.Benchmarks;

/// <summary>An HTTP transport that answers every request with the same in-memory event-stream body, so only the client's work is measured.</summary>
public sealed class InMemoryEventStreamHandler : HttpMessageHandler
{
    private readonly byte[] _body;

    /// <summary>Creates the handler over <paramref name="body"/>.</summary>
    public InMemoryEventStreamHandler(byte[] body)
    {
        _body = body;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
