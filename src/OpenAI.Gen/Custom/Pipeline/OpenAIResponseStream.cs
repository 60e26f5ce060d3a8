using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen;

/// <summary>
/// The body of a streamed (<c>text/event-stream</c>) answer as the pipeline hands it on: each read may wait at most the
/// attempt timeout, and a broken connection or a stall raises the client's typed errors rather than a bare
/// <see cref="IOException"/>. It is never retried: part of it may already have been read.
/// </summary>
internal sealed class OpenAIResponseStream : ReadOnlyWrapperStream
{
    private readonly IDisposable _owner;
    private readonly TimeSpan _timeout;
    private readonly string _target;

    // The owner is the transport's response content: disposing it (not only its stream) releases the response at once.
    internal OpenAIResponseStream(Stream inner, IDisposable owner, TimeSpan timeout, string target)
        : base(inner)
    {
        _owner = owner;
        _timeout = timeout;
        _target = target;
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return Inner.Read(buffer, offset, count);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw Lost(e);
        }
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadWithTimeoutAsync(token => new ValueTask<int>(Inner.ReadAsync(buffer, offset, count, token)), cancellationToken).AsTask();

#if NET8_0_OR_GREATER
    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ReadWithTimeoutAsync(token => Inner.ReadAsync(buffer, token), cancellationToken);
#endif

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        // The inner stream first, then its owner.
        base.Dispose(disposing);
        if (disposing)
        {
            _owner.Dispose();
        }
    }

    private async ValueTask<int> ReadWithTimeoutAsync(Func<CancellationToken, ValueTask<int>> read, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_timeout != Timeout.InfiniteTimeSpan)
        {
            limit.CancelAfter(_timeout);
        }

        try
        {
            return await read(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            // Report the caller's own token, not the linked one this read used.
            throw new OperationCanceledException(e.Message, e, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && limit.IsCancellationRequested)
        {
            // The read was aborted by our limit (it may surface as a cancellation or as an I/O error).
            throw new OpenAITimeoutException($"The streamed answer of {_target} stalled: no data within {OpenAIClientSettings.Format(_timeout)} (OpenAIClientOptions.Timeout).", _timeout, e);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is IOException or HttpRequestException)
        {
            throw Lost(e);
        }
    }

    private OpenAIConnectionException Lost(Exception e) =>
        new($"The connection of {_target} broke while the streamed answer was being read: {e.Message}", e);
}
