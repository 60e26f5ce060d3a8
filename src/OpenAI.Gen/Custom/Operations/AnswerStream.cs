using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen;

/// <summary>A binary answer's body as the caller gets it: read as it arrives, and disposing it releases the answer.</summary>
internal sealed class AnswerStream : ReadOnlyWrapperStream
{
    private readonly HttpResponseMessage _response;

    internal AnswerStream(Stream inner, HttpResponseMessage response)
        : base(inner)
    {
        _response = response;
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Inner.Read(buffer, offset, count);

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Inner.ReadAsync(buffer, offset, count, cancellationToken);

#if !NETSTANDARD2_0
    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Inner.ReadAsync(buffer, cancellationToken);
#endif

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _response.Dispose();
        }
    }
}
