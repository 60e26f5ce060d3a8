using System;
using System.IO;

namespace OpenAI.Gen;

/// <summary>A <see cref="TextReader"/> over the first chars of a buffer, reset per event so one instance serves a whole stream.</summary>
internal sealed class CharSegmentReader : TextReader
{
    private char[] _buffer = Array.Empty<char>();
    private int _length;
    private int _position;

    public void Reset(char[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
        _position = 0;
    }

    public override int Peek() => _position < _length ? _buffer[_position] : -1;

    public override int Read() => _position < _length ? _buffer[_position++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        var n = Math.Min(count, _length - _position);
        Array.Copy(_buffer, _position, buffer, index, n);
        _position += n;
        return n;
    }
}
