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
    private CancellationTokenSource? _limit;
    private CancellationToken _limitToken;

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
#if NET8_0_OR_GREATER
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
#else
        ReadCoreAsync(buffer, offset, count, cancellationToken);

    private async Task<int> ReadCoreAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        var limit = StartLimit(cancellationToken);
        try
        {
            return await Inner.ReadAsync(buffer, offset, count, limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, limit, cancellationToken) is { } typed)
        {
            throw typed;
        }
    }
#endif

#if NET8_0_OR_GREATER
    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var limit = StartLimit(cancellationToken);
        try
        {
            return await Inner.ReadAsync(buffer, limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, limit, cancellationToken) is { } typed)
        {
            throw typed;
        }
    }
#endif

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        // The inner stream first, then its owner.
        base.Dispose(disposing);
        if (disposing)
        {
            _owner.Dispose();
            _limit?.Dispose();
        }
    }

    // The read's time limit, linked to the caller's token. One source serves every read of the stream while the caller
    // passes the same token (a stream reads once per event or so: a new source and timer per read would cost more
    // than parsing the event); where the runtime cannot reset a source, each read gets its own.
    private CancellationTokenSource StartLimit(CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        var reusable = _limit != null && _limitToken == cancellationToken && _limit.TryReset();
#else
        var reusable = false;
#endif
        if (!reusable)
        {
            _limit?.Dispose();
            _limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _limitToken = cancellationToken;
        }

        if (_timeout != Timeout.InfiniteTimeSpan)
        {
            _limit!.CancelAfter(_timeout);
        }

        return _limit!;
    }

    // The typed error for a failed read, or null to let the exception through as it is.
    private Exception? Translate(Exception e, CancellationTokenSource limit, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            // Report the caller's own token, not the linked one this read used.
            return e is OperationCanceledException ? new OperationCanceledException(e.Message, e, cancellationToken) : null;
        }

        if (limit.IsCancellationRequested)
        {
            // The read was aborted by our limit (it may surface as a cancellation or as an I/O error).
            return new OpenAITimeoutException($"The streamed answer of {_target} stalled: no data within {OpenAIClientSettings.Format(_timeout)} (OpenAIClientOptions.Timeout).", _timeout, e);
        }

        return e is IOException or HttpRequestException ? Lost(e) : null;
    }

    private OpenAIConnectionException Lost(Exception e) =>
        new($"The connection of {_target} broke while the streamed answer was being read: {e.Message}", e);
}
