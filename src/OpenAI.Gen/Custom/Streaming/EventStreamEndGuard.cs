using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen;

/// <summary>
/// Reads a response body and, at its end, a blank line. The SSE standard drops a last event that lacks its
/// closing blank line; servers that end the body abruptly after the last event do exist, and that event is
/// delivered. A body that did end with a blank line gains one more, which dispatches nothing.
/// </summary>
internal sealed class EventStreamEndGuard : ReadOnlyWrapperStream
{
    private static readonly byte[] BlankLine = { (byte)'\n', (byte)'\n' };

    private int _tailPosition;

    public EventStreamEndGuard(Stream inner)
        : base(inner)
    {
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = Inner.Read(buffer, offset, count);
        return read > 0 || count == 0 ? read : ReadTail(buffer.AsSpan(offset, count));
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        var read = await Inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
        return read > 0 || count == 0 ? read : ReadTail(buffer.AsSpan(offset, count));
    }

#if !NETSTANDARD2_0
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return read > 0 || buffer.IsEmpty ? read : ReadTail(buffer.Span);
    }
#endif

    private int ReadTail(Span<byte> destination)
    {
        var n = Math.Min(destination.Length, BlankLine.Length - _tailPosition);
        BlankLine.AsSpan(_tailPosition, n).CopyTo(destination);
        _tailPosition += n;
        return n;
    }
}
