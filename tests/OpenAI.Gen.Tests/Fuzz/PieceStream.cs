using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen.Tests.Fuzz;

/// <summary>A body handed out a few bytes per read (every split point of a transport), as a socket may deliver it.</summary>
public sealed class PieceStream : Stream
{
    private readonly byte[] _body;
    private readonly int _piece;
    private int _at;

    public PieceStream(byte[] body, int piece)
    {
        _body = body;
        _piece = Math.Max(1, piece);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, _piece), _body.Length - _at);
        Buffer.BlockCopy(_body, _at, buffer, offset, n);
        _at += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = Math.Min(Math.Min(buffer.Length, _piece), _body.Length - _at);
        _body.AsMemory(_at, n).CopyTo(buffer);
        _at += n;
        return new ValueTask<int>(n);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
