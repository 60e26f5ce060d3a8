using System;
using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace OpenAI.Gen;

/// <summary>
/// JSON text written straight into one growing pooled UTF-8 buffer, token by token as Newtonsoft's
/// <c>JsonTextWriter</c> writes it with the client's settings (no indentation, double quotes, default escaping), for
/// <see cref="Utf8FastWriter"/>. Dispose returns the buffer.
/// </summary>
internal sealed class Utf8JsonText : IDisposable
{
    private const int FirstBufferSize = 1024;

    // The characters Newtonsoft's default escaping escapes: below U+0020, '"', '\', U+0085, U+2028 and U+2029.
#if NET8_0_OR_GREATER
    private static readonly SearchValues<char> EscapedChars = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\"\\\u0085\u2028\u2029");
#else
    private static readonly bool[] Escaped = CreateEscaped();
#endif

    private static readonly byte[] Hex = Encoding.ASCII.GetBytes("0123456789abcdef");

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(FirstBufferSize);
    private int _length;

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Clear() => _length = 0;

    public void WriteByte(byte value)
    {
        Reserve(1);
        _buffer[_length++] = value;
    }

    public void WriteRaw(ReadOnlySpan<byte> utf8)
    {
        Reserve(utf8.Length);
        utf8.CopyTo(_buffer.AsSpan(_length));
        _length += utf8.Length;
    }

    public void WriteNull() => WriteRaw("null"u8);

    public void WriteBoolean(bool value) => WriteRaw(value ? "true"u8 : "false"u8);

    public void WriteInteger(long value)
    {
        Reserve(20);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out var written);
        _length += written;
    }

    /// <summary>
    /// <paramref name="value"/> as Newtonsoft writes a double: the round-trip ("R") text with ".0" added when it has no
    /// '.' or exponent. False for NaN and infinities, which Newtonsoft writes by its float settings.
    /// </summary>
    public bool TryWriteDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return false;
        }

#if NETSTANDARD2_0
        // The runtime's own "R" text, as Newtonsoft asks for it (it differs between .NET Framework and .NET).
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        Reserve(r.Length);
        var text = _buffer.AsSpan(_length, Encoding.ASCII.GetBytes(r, 0, r.Length, _buffer, _length));
#else
        Reserve(34);
        value.TryFormat(_buffer.AsSpan(_length), out var written, "R", CultureInfo.InvariantCulture);
        var text = _buffer.AsSpan(_length, written);
#endif
        _length += text.Length;
        if (text.IndexOf((byte)'.') < 0 && text.IndexOf((byte)'E') < 0 && text.IndexOf((byte)'e') < 0)
        {
            WriteRaw(".0"u8);
        }

        return true;
    }

    /// <summary>
    /// <paramref name="value"/> as a quoted JSON string with Newtonsoft's default escaping (short escapes for \t \n \r \f
    /// \b \\ \", \u00xx in lower-case hex for other control characters, and U+0085, U+2028, U+2029 escaped), encoded as
    /// the client's UTF-8 encoding encodes text (a lone surrogate becomes U+FFFD).
    /// </summary>
    public void WriteString(string value)
    {
        WriteByte((byte)'"');
        var start = 0;
        while (start < value.Length)
        {
            var escape = IndexOfEscaped(value, start);
            WriteUtf8(value, start, (escape < 0 ? value.Length : escape) - start);
            if (escape < 0)
            {
                break;
            }

            WriteEscape(value[escape]);
            start = escape + 1;
        }

        WriteByte((byte)'"');
    }

    /// <summary>A copy of the bytes written.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = Array.Empty<byte>();
            _length = 0;
        }
    }

#if NET8_0_OR_GREATER
    private static int IndexOfEscaped(string value, int start)
    {
        var at = value.AsSpan(start).IndexOfAny(EscapedChars);
        return at < 0 ? -1 : start + at;
    }
#else
    private static bool[] CreateEscaped()
    {
        var escaped = new bool[128];
        for (var c = 0; c < ' '; c++)
        {
            escaped[c] = true;
        }

        escaped['"'] = true;
        escaped['\\'] = true;
        return escaped;
    }

    private static int IndexOfEscaped(string value, int start)
    {
        for (var i = start; i < value.Length; i++)
        {
            var c = value[i];
            if (c < Escaped.Length ? Escaped[c] : c is '\u0085' or '\u2028' or '\u2029')
            {
                return i;
            }
        }

        return -1;
    }
#endif

    private void WriteEscape(char c)
    {
        switch (c)
        {
            case '\t':
                WriteRaw("\\t"u8);
                break;
            case '\n':
                WriteRaw("\\n"u8);
                break;
            case '\r':
                WriteRaw("\\r"u8);
                break;
            case '\f':
                WriteRaw("\\f"u8);
                break;
            case '\b':
                WriteRaw("\\b"u8);
                break;
            case '\\':
                WriteRaw("\\\\"u8);
                break;
            case '"':
                WriteRaw("\\\""u8);
                break;
            default:
                Reserve(6);
                _buffer[_length++] = (byte)'\\';
                _buffer[_length++] = (byte)'u';
                _buffer[_length++] = Hex[(c >> 12) & 0xF];
                _buffer[_length++] = Hex[(c >> 8) & 0xF];
                _buffer[_length++] = Hex[(c >> 4) & 0xF];
                _buffer[_length++] = Hex[c & 0xF];
                break;
        }
    }

    // count characters of text from start, none of them escaped.
    private void WriteUtf8(string text, int start, int count)
    {
#if NET8_0_OR_GREATER
        // The encoder's vectorized ASCII path copies nearly every request; the rest it encodes.
        Reserve(Encoding.UTF8.GetMaxByteCount(count));
        _length += Encoding.UTF8.GetBytes(text.AsSpan(start, count), _buffer.AsSpan(_length));
#else
        // ASCII (nearly every request) is copied char by char; from the first other character on, the encoder takes over.
        Reserve(count);
        var end = start + count;
        var i = start;
        for (; i < end && text[i] < 0x80; i++)
        {
            _buffer[_length++] = (byte)text[i];
        }

        if (i < end)
        {
            Reserve(Encoding.UTF8.GetMaxByteCount(end - i));
            _length += Encoding.UTF8.GetBytes(text, i, end - i, _buffer, _length);
        }
#endif
    }

    private void Reserve(int count) => PooledArrays.Reserve(ref _buffer, _length, count);
}
