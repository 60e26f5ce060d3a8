using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen;

/// <summary>
/// Reads an answer whole, but never more than a limit: into chunks (no doubling buffer whose discarded copies add up to
/// twice the body), then into one array of the exact size, or straight into an array of the announced
/// <c>Content-Length</c>. Reading stops one byte past the limit, so a body that never ends costs no more than the limit.
/// The chunks are not rented: the transport rents its read buffer from the shared pool between reads, and chunks held
/// from that pool would make it allocate a new one for every chunk.
/// </summary>
internal static class WholeBody
{
    private const int FirstChunkSize = 16 * 1024;
    private const int ChunkSize = 64 * 1024;

    /// <summary>
    /// The body's bytes, and whether that is all of it: a body longer than <paramref name="limit"/> gives its first
    /// <paramref name="limit"/> bytes when <paramref name="keepHead"/>, else none, not complete.
    /// </summary>
    public static async ValueTask<(byte[] Bytes, bool Complete)> ReadAsync(Stream stream, long? contentLength, int limit, bool keepHead, CancellationToken cancellationToken)
    {
        // The transport never gives more than an announced length (it fails when given less), so that is read exactly.
        var exact = contentLength is >= 0 && contentLength <= limit;
        List<byte[]>? chunks = null;
        var current = new byte[exact ? contentLength!.Value : FirstChunkSize];
        var used = 0;
        long total = 0;
        var complete = true;
        while (!(exact && used == current.Length))
        {
            if (used == current.Length)
            {
                (chunks ??= new List<byte[]>()).Add(current);
                current = new byte[ChunkSize];
                used = 0;
            }

            var wanted = (int)Math.Min(current.Length - used, limit + 1L - total);
            var read = await stream.ReadAsync(current, used, wanted, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            used += read;
            total += read;
            if (total > limit)
            {
                used--;
                total--;
                complete = false;
                break;
            }
        }

        if (!complete && !keepHead)
        {
            return (Array.Empty<byte>(), false);
        }

        if (chunks == null && used == current.Length)
        {
            return (current, complete);
        }

        var body = new byte[total];
        var at = 0;
        if (chunks != null)
        {
            foreach (var chunk in chunks)
            {
                Buffer.BlockCopy(chunk, 0, body, at, chunk.Length);
                at += chunk.Length;
            }
        }

        Buffer.BlockCopy(current, 0, body, at, used);
        return (body, complete);
    }
}
