using System;
using System.Net.Http;

namespace OpenAI.Gen;

/// <summary>An answer body the pipeline read whole; the client parses <see cref="Bytes"/> in place instead of through a stream.</summary>
internal sealed class BufferedBodyContent : ByteArrayContent
{
    internal BufferedBodyContent(byte[] buffer, int count)
        : base(buffer, 0, count)
    {
        Bytes = new ArraySegment<byte>(buffer, 0, count);
    }

    internal ArraySegment<byte> Bytes { get; }
}
