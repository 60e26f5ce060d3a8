using System;
using System.Buffers;
using System.Net.Http;
using System.Text;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>
/// Turns the data of each server-sent event of one streamed answer into a chunk: reads it from the event's UTF-8
/// bytes (<see cref="ChunkDeserializer"/>), or else decodes them into a reused pooled buffer for Newtonsoft (no
/// string per event); recognizes <c>[DONE]</c> and error payloads, numbers the events, and builds the
/// exceptions that name them.
/// </summary>
/// <typeparam name="T">The chunk type.</typeparam>
internal sealed class StreamEventParser<T> : IDisposable
    where T : class
{
    private readonly ChunkDeserializer _deserializer;
    private readonly HttpResponseMessage _response;
    private readonly bool _namedEvents;
    private readonly CharSegmentReader _text = new();
    private readonly RepeatedValues _repeats = new();
    private char[] _chars = Array.Empty<char>();
#if NETSTANDARD2_0
    private byte[] _bytes = Array.Empty<byte>();
#endif

    /// <param name="deserializer">Reads each event's data.</param>
    /// <param name="response">The streamed answer, named in errors.</param>
    /// <param name="namedEvents">Whether named events carry data too (each a variant of the event union), not only unnamed ones.</param>
    public StreamEventParser(ChunkDeserializer deserializer, HttpResponseMessage response, bool namedEvents)
    {
        _deserializer = deserializer;
        _response = response;
        _namedEvents = namedEvents;
    }

    /// <summary>The number of events read so far (the current one while parsing).</summary>
    public int EventNumber { get; private set; }

    /// <summary>Whether <c>data: [DONE]</c> was read; nothing after it is parsed.</summary>
    public bool IsDone { get; private set; }

    /// <summary>The chunk an event carries, or null for one that carries none.</summary>
    public T? Parse(string eventType, ReadOnlySpan<byte> data)
    {
        EventNumber++;
        if (string.Equals(eventType, ServerSentEventReader.ErrorType, StringComparison.Ordinal))
        {
            throw ApiError(data, "error event");
        }

        // Unless the operation names its events, named ones other than errors are not chunks (SSE dispatches them to other listeners).
        if (!_namedEvents && !string.Equals(eventType, ServerSentEventReader.MessageType, StringComparison.Ordinal))
        {
            return null;
        }

        var trimmed = TrimWhitespace(data);
        if (trimmed.IsEmpty)
        {
            return null;
        }

        if (trimmed.SequenceEqual("[DONE]"u8))
        {
            IsDone = true;
            return null;
        }

        if (StartsWithErrorMember(trimmed))
        {
            throw ApiError(data, "error payload");
        }

        if (_deserializer.TryRead(trimmed, _repeats, out T? chunk))
        {
            return ThrowIfError(chunk!, data);
        }

        try
        {
            var length = Decode(data);
            _text.Reset(_chars, length);
            using var reader = new JsonTextReader(_text) { ArrayPool = JsonCharArrayPool.Instance, CloseInput = false };
            return ThrowIfError(_deserializer.Serializer.Deserialize<T>(reader) ?? throw new JsonSerializationException("The data is JSON null."), data);
        }
        catch (Exception ex) when (ex is not OpenAIException)
        {
            // An error object that is not the first member still is an API error, not a malformed chunk.
            if (ErrorBody.IsErrorPayload(data))
            {
                throw ApiError(data, "error payload");
            }

            throw new OpenAIStreamException(
                $"Event {EventNumber} of the stream is not a valid {typeof(T).Name}: {ex.Message}",
                EventNumber, StatusCode, Utf8(data), ResponseHeaders.Collect(_response), ex);
        }
    }

    /// <summary>The exception for a transport failure while reading the stream.</summary>
    public OpenAIStreamException ConnectionLost(Exception inner) => new(
        $"The connection was lost after event {EventNumber}, before the stream's end (data: [DONE]): {inner.Message}",
        EventNumber, StatusCode, null, ResponseHeaders.Collect(_response), inner);

    /// <summary>The exception for a line or an event's data longer than <paramref name="limit"/> bytes.</summary>
    public OpenAIStreamException EventTooLarge(int limit) => new(
        $"Event {EventNumber + 1} of the stream exceeds OpenAIClientOptions.MaxEventBytes ({limit} bytes): a line or an event's data that long is not read.",
        EventNumber + 1, StatusCode, null, ResponseHeaders.Collect(_response), null);

    /// <summary>The exception for a body that ended before any event: nothing was streamed at all.</summary>
    public OpenAIStreamException NoEvent() => new(
        "The streamed answer ended before its first event.",
        0, StatusCode, null, ResponseHeaders.Collect(_response), null);

    public void Dispose()
    {
        ReturnBuffer(ref _chars);
#if NETSTANDARD2_0
        ReturnBuffer(ref _bytes);
#endif
    }

    private int StatusCode => (int)_response.StatusCode;

    private static ReadOnlySpan<byte> TrimWhitespace(ReadOnlySpan<byte> data)
    {
        var start = 0;
        var end = data.Length;
        while (start < end && IsWhitespace(data[start]))
        {
            start++;
        }

        while (end > start && IsWhitespace(data[end - 1]))
        {
            end--;
        }

        return data.Slice(start, end - start);
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    // Cheap check for the usual error shape {"error": {...}} before paying for a failed deserialization.
    private static bool StartsWithErrorMember(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty || json[0] != (byte)'{')
        {
            return false;
        }

        json = TrimWhitespace(json.Slice(1));
        if (!json.StartsWith("\"error\""u8))
        {
            return false;
        }

        json = TrimWhitespace(json.Slice(7));
        return !json.IsEmpty && json[0] == (byte)':';
    }

    // A chunk needs none of its members, so an error object after other members reads as a chunk: it is the API's error.
    private T ThrowIfError(T chunk, ReadOnlySpan<byte> data) =>
        ErrorBody.IsErrorPayload(data) ? throw ApiError(data, "error payload") : chunk;

    private OpenAIException ApiError(ReadOnlySpan<byte> data, string what) => new(
        $"The stream sent an {what} in event {EventNumber}.",
        StatusCode, Utf8(data), ResponseHeaders.Collect(_response), null);

    private int Decode(ReadOnlySpan<byte> data)
    {
        var max = Encoding.UTF8.GetMaxCharCount(data.Length);
        if (_chars.Length < max)
        {
            ReturnBuffer(ref _chars);
            _chars = ArrayPool<char>.Shared.Rent(max);
        }

#if NETSTANDARD2_0
        // netstandard2.0 has no span overload of GetChars: go through a pooled byte buffer.
        if (_bytes.Length < data.Length)
        {
            ReturnBuffer(ref _bytes);
            _bytes = ArrayPool<byte>.Shared.Rent(data.Length);
        }

        data.CopyTo(_bytes);
        return Encoding.UTF8.GetChars(_bytes, 0, data.Length, _chars, 0);
#else
        return Encoding.UTF8.GetChars(data, _chars);
#endif
    }

    private static string Utf8(ReadOnlySpan<byte> data) =>
#if NETSTANDARD2_0
        Encoding.UTF8.GetString(data.ToArray());
#else
        Encoding.UTF8.GetString(data);
#endif

    private static void ReturnBuffer<TItem>(ref TItem[] buffer)
    {
        if (buffer.Length > 0)
        {
            ArrayPool<TItem>.Shared.Return(buffer);
            buffer = Array.Empty<TItem>();
        }
    }
}
