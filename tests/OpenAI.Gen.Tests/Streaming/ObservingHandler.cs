using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen.Tests.Streaming;

/// <summary>
/// Signals when response headers arrived and wraps each response body, so a test can count how many the client
/// disposed, and when.
/// </summary>
public sealed class ObservingHandler : DelegatingHandler
{
    private readonly TaskCompletionSource _responseReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    /// <summary>Creates the handler over a real socket handler.</summary>
    public ObservingHandler()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>Response bodies disposed so far.</summary>
    public int Disposed => Volatile.Read(ref _disposed);

    /// <summary>Completes when the first response's headers have been received.</summary>
    public Task ResponseReceived => _responseReceived.Task;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        response.Content = new CountingContent(response.Content, this);
        _responseReceived.TrySetResult();
        return response;
    }

    private sealed class CountingContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly ObservingHandler _owner;
        private int _isDisposed;

        public CountingContent(HttpContent inner, ObservingHandler owner)
        {
            _inner = inner;
            _owner = owner;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task<Stream> CreateContentReadStreamAsync() => _inner.ReadAsStreamAsync();

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            // Counted once per body, however many owners (response, pipeline stream) dispose it.
            if (disposing && Interlocked.Exchange(ref _isDisposed, 1) == 0)
            {
                Interlocked.Increment(ref _owner._disposed);
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
