using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen;

/// <summary>
/// Reads server-sent events from a byte stream as the WHATWG HTML standard ("Interpreting an event stream") says: one
/// leading UTF-8 BOM skipped; lines end with CRLF, LF or CR; a line starting with <c>:</c> is a comment; <c>data</c>
/// lines join with LF; <c>event</c> names the event; a blank line dispatches the event and resets its type, and an event
/// without any <c>data</c> line is not dispatched (its type is reset all the same). <c>id</c>, <c>retry</c> and unknown
/// fields are ignored: this client never reconnects, so the last event id and reconnection time have no use.
/// One deliberate difference: at the end of the body, a last event that lacks its blank line is dispatched (servers that
/// close right after their last event exist, and dropping it would lose data without a word).
/// No line and no event's data may exceed the byte limit given: the reader stops with the exception it is given instead
/// of growing without bound.
/// </summary>
internal sealed class ServerSentEventReader : IDisposable
{
    internal const string MessageType = "message";
    internal const string ErrorType = "error";

    private const int InitialBufferSize = 16 * 1024;

    // Only the first buffer is rented: a grown one is held for long (the transport rents its own read buffers from the
    // same pool between reads), and the pool would round 16 MiB + 1 up to 32 MiB.
    private const int MaxPooledSize = InitialBufferSize;

    private readonly Stream _stream;
    private readonly int _maxEventBytes;
    private readonly Func<Exception> _tooLarge;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private byte[] _data = Array.Empty<byte>();
    private int _dataLength;
    private int _eventLength;
    private string? _eventType;
    private bool _bomChecked;
    private bool _afterCr;
    private bool _endOfBody;
    private bool _finished;

    /// <param name="stream">The body; read forward only, not disposed here.</param>
    /// <param name="maxEventBytes">The largest line or event data, in bytes.</param>
    /// <param name="tooLarge">The exception to throw when a line or an event's data exceeds <paramref name="maxEventBytes"/>.</param>
    public ServerSentEventReader(Stream stream, int maxEventBytes, Func<Exception> tooLarge)
    {
        _stream = stream;
        _maxEventBytes = maxEventBytes;
        _tooLarge = tooLarge;
        _buffer = Rent(Math.Min(InitialBufferSize, maxEventBytes + 1));
    }

    /// <summary>The type of the event last read: its <c>event</c> field, or <c>message</c>.</summary>
    public string EventType { get; private set; } = MessageType;

    /// <summary>The data of the event last read (its <c>data</c> lines joined with LF); valid until the next read.</summary>
    public ReadOnlySpan<byte> Data => _data.AsSpan(0, _eventLength);

    /// <summary>Reads up to the next dispatched event; false at the end of the body.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!_bomChecked && !TrySkipBom())
            {
                await FillAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (DispatchFromBuffer())
            {
                return true;
            }

            if (_endOfBody)
            {
                return Finish();
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        Return(ref _buffer);
        Return(ref _data);
    }

    private static byte[] Rent(int size) => size <= MaxPooledSize ? ArrayPool<byte>.Shared.Rent(size) : new byte[size];

    private static void Return(ref byte[] buffer)
    {
        if (buffer.Length is > 0 and <= MaxPooledSize)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        buffer = Array.Empty<byte>();
    }

    // False while the first bytes could still become a BOM.
    private bool TrySkipBom()
    {
        var head = _buffer.AsSpan(_start, _end - _start);
        ReadOnlySpan<byte> bom = new byte[] { 0xEF, 0xBB, 0xBF };
        if (head.Length < bom.Length && !_endOfBody && bom.StartsWith(head))
        {
            return false;
        }

        if (head.StartsWith(bom))
        {
            _start += bom.Length;
        }

        _bomChecked = true;
        return true;
    }

    private bool DispatchFromBuffer()
    {
        while (_start < _end)
        {
            if (_afterCr)
            {
                // CRLF is one line end, even when the LF came in a later read.
                _afterCr = false;
                if (_buffer[_start] == (byte)'\n')
                {
                    _start++;
                    continue;
                }
            }

            var rest = _buffer.AsSpan(_start, _end - _start);
            var end = rest.IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                if (rest.Length > _maxEventBytes)
                {
                    throw _tooLarge();
                }

                return false;
            }

            if (end > _maxEventBytes)
            {
                throw _tooLarge();
            }

            _afterCr = rest[end] == (byte)'\r';
            _start += end + 1;
            if (ProcessLine(rest.Slice(0, end)))
            {
                return true;
            }
        }

        return false;
    }

    // The end of the body ends the last line and, unlike the standard, dispatches a last event that lacks its blank line.
    private bool Finish()
    {
        if (_finished)
        {
            return false;
        }

        _finished = true;
        if (_start < _end)
        {
            ProcessLine(_buffer.AsSpan(_start, _end - _start));
            _start = _end;
        }

        return ProcessLine(default);
    }

    // True when the line dispatched an event.
    private bool ProcessLine(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            return Dispatch();
        }

        if (line[0] == (byte)':')
        {
            return false;
        }

        var colon = line.IndexOf((byte)':');
        var name = colon < 0 ? line : line.Slice(0, colon);
        var value = colon < 0 ? default : line.Slice(colon + 1);
        if (!value.IsEmpty && value[0] == (byte)' ')
        {
            value = value.Slice(1);
        }

        if (name.SequenceEqual("data"u8))
        {
            AppendData(value);
        }
        else if (name.SequenceEqual("event"u8))
        {
            _eventType = TypeName(value);
        }

        return false;
    }

    private bool Dispatch()
    {
        var type = _eventType;
        _eventType = null;
        if (_dataLength == 0)
        {
            // No data line: nothing is dispatched, and the type does not carry over to the next event.
            return false;
        }

        EventType = type ?? MessageType;
        _eventLength = _dataLength - 1;
        _dataLength = 0;
        return true;
    }

    private void AppendData(ReadOnlySpan<byte> value)
    {
        var length = _dataLength + value.Length + 1;
        if (length - 1 > _maxEventBytes)
        {
            throw _tooLarge();
        }

        if (_data.Length < length)
        {
            var grown = Rent(Math.Max(length, Math.Min(_data.Length * 2, _maxEventBytes + 1)));
            _data.AsSpan(0, _dataLength).CopyTo(grown);
            Return(ref _data);
            _data = grown;
        }

        value.CopyTo(_data.AsSpan(_dataLength));
        _data[length - 1] = (byte)'\n';
        _dataLength = length;
    }

    private static string? TypeName(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return null;
        }

        if (value.SequenceEqual("message"u8))
        {
            return MessageType;
        }

        if (value.SequenceEqual("error"u8))
        {
            return ErrorType;
        }

#if NETSTANDARD2_0
        return Encoding.UTF8.GetString(value.ToArray());
#else
        return Encoding.UTF8.GetString(value);
#endif
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            else
            {
                // A line longer than the buffer: four times larger each time (few discarded buffers), up to one byte
                // past the limit, to see it exceeded.
                var size = _buffer.Length * 4L;
                var grown = Rent((int)(size >= _maxEventBytes ? _maxEventBytes + 1L : size));
                Buffer.BlockCopy(_buffer, 0, grown, 0, _end);
                Return(ref _buffer);
                _buffer = grown;
            }
        }

#if NETSTANDARD2_0
        var read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
#else
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
#endif
        if (read == 0)
        {
            _endOfBody = true;
        }

        _end += read;
    }
}
