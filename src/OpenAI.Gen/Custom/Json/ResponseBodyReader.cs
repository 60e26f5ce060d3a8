using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>
/// Reads a non-streaming answer's body (one instance, in <see cref="OpenAIJson"/>). A new serializer
/// and a <see cref="StreamReader"/> per answer cost more than parsing a typical answer, so the serializer is built once
/// and the body is read into pooled bytes, then parsed on the UTF-8 fast path (<see cref="Utf8FastReader"/>), or, when
/// that declines, decoded into pooled chars for Newtonsoft. Results and errors are those of
/// the client's serializer's <c>Deserialize</c> over a stream reader.
/// </summary>
internal sealed class ResponseBodyReader
{
    private const int FirstBufferSize = 4096;

    private readonly JsonSerializer _serializer;
    private readonly Utf8FastReader _fast;

    internal ResponseBodyReader(JsonSerializer serializer, Utf8FastReader fast)
    {
        _serializer = serializer;
        _fast = fast;
    }

    /// <summary>The serializer whole answers are read with (leniently, as servers send them).</summary>
    public JsonSerializer Serializer => _serializer;

    /// <summary>
    /// Reads the whole of <paramref name="content"/> (UTF-8, as a stream reader would decode it) as <typeparamref name="T"/>:
    /// in place when the pipeline already holds the bytes (no task then), else through a pooled copy of its stream.
    /// </summary>
    public ValueTask<T?> ReadAsync<T>(HttpContent content, CancellationToken cancellationToken) =>
        content is BufferedBodyContent buffered
            ? new ValueTask<T?>(Parse<T>(buffered.Bytes.Array!, buffered.Bytes.Offset, buffered.Bytes.Count))
            : new ValueTask<T?>(ReadStreamAsync<T>(content, cancellationToken));

    private async Task<T?> ReadStreamAsync<T>(HttpContent content, CancellationToken cancellationToken)
    {
        using var body = await content.ReadStreamAsync(cancellationToken).ConfigureAwait(false);
        var bytes = ArrayPool<byte>.Shared.Rent(FirstBufferSize);
        try
        {
            var length = 0;
            int read;
            while ((read = await body.ReadAsync(bytes, length, bytes.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == bytes.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(bytes.Length * 2);
                    Buffer.BlockCopy(bytes, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(bytes);
                    bytes = larger;
                }
            }

            return Parse<T>(bytes, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private T? Parse<T>(byte[] bytes, int offset, int count)
    {
        // A stream reader skips a UTF-8 byte order mark; so does this.
        if (count >= 3 && bytes[offset] == 0xEF && bytes[offset + 1] == 0xBB && bytes[offset + 2] == 0xBF)
        {
            offset += 3;
            count -= 3;
        }

        if (_fast.TryRead(new ReadOnlySpan<byte>(bytes, offset, count), typeof(T), null, out var fast))
        {
            return (T)fast!;
        }

        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxCharCount(count)));
        try
        {
            var text = new CharSegmentReader();
            text.Reset(chars, Encoding.UTF8.GetChars(bytes, offset, count, chars, 0));
            using var json = new JsonTextReader(text) { ArrayPool = JsonCharArrayPool.Instance };
            return _serializer.Deserialize<T>(json);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
