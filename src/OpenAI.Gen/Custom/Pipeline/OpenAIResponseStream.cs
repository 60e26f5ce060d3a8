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
internal sealed class OpenAIResponseStream : Stream
{
    private readonly Stream _inner;
    private readonly IDisposable _owner;
    private readonly TimeSpan _timeout;
    private readonly string _target;

    // The owner is the transport's response content: disposing it (not only its stream) releases the response at once.
    internal OpenAIResponseStream(Stream inner, IDisposable owner, TimeSpan timeout, string target)
    {
        _inner = inner;
        _owner = owner;
        _timeout = timeout;
        _target = target;
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return _inner.Read(buffer, offset, count);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw Lost(e);
        }
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadWithTimeoutAsync(token => new ValueTask<int>(_inner.ReadAsync(buffer, offset, count, token)), cancellationToken).AsTask();

#if NET8_0_OR_GREATER
    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ReadWithTimeoutAsync(token => _inner.ReadAsync(buffer, token), cancellationToken);
#endif

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _owner.Dispose();
        }

        base.Dispose(disposing);
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
