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

    // The characters Newtonsoft's default escaping escapes: below U+0020, '"' and '\' (and U+0085, U+2028, U+2029, below).
    private static readonly bool[] Escaped = CreateEscaped();

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
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < Escaped.Length ? !Escaped[c] : c is not ('\u0085' or '\u2028' or '\u2029'))
            {
                continue;
            }

            WriteUtf8(value, start, i - start);
            start = i + 1;
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

        WriteUtf8(value, start, value.Length - start);
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

    // count characters of text from start, none of them escaped.
    private void WriteUtf8(string text, int start, int count)
    {
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
    }

    private void Reserve(int count)
    {
        if (_length + count <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
        Array.Copy(_buffer, larger, _length);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
