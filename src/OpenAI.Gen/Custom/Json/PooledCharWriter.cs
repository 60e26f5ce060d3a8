using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text;

namespace OpenAI.Gen;

/// <summary>
/// A <see cref="TextWriter"/> into one growing pooled char buffer, turned into UTF-8 bytes at the end: the JSON text of a
/// request body never becomes a string. Dispose returns the buffer.
/// </summary>
internal sealed class PooledCharWriter : TextWriter
{
    private const int FirstBufferSize = 1024;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private char[] _buffer = ArrayPool<char>.Shared.Rent(FirstBufferSize);
    private int _length;

    public PooledCharWriter()
        : base(CultureInfo.InvariantCulture)
    {
    }

    public override Encoding Encoding => Utf8;

    public override void Write(char value)
    {
        Reserve(1);
        _buffer[_length++] = value;
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Reserve(count);
        Array.Copy(buffer, index, _buffer, _length, count);
        _length += count;
    }

    public override void Write(string? value)
    {
        if (value == null)
        {
            return;
        }

        Reserve(value.Length);
        value.CopyTo(0, _buffer, _length, value.Length);
        _length += value.Length;
    }

#if NET8_0_OR_GREATER
    public override void Write(ReadOnlySpan<char> buffer)
    {
        Reserve(buffer.Length);
        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }
#endif

    /// <summary>The text written so far as UTF-8 (lone surrogates become U+FFFD, as <c>StringContent</c> encodes them).</summary>
    public byte[] ToUtf8()
    {
        var bytes = new byte[Utf8.GetByteCount(_buffer, 0, _length)];
        Utf8.GetBytes(_buffer, 0, _length, bytes, 0);
        return bytes;
    }

    protected override void Dispose(bool disposing)
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = Array.Empty<char>();
            _length = 0;
        }

        base.Dispose(disposing);
    }

    private void Reserve(int count) => PooledArrays.Reserve(ref _buffer, _length, count);
}
