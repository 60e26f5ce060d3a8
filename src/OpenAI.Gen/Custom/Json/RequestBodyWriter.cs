using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>
/// Writes request bodies (one instance, in <see cref="OpenAIJson"/>): straight to UTF-8 by <see cref="Utf8FastWriter"/>,
/// which copies the serializer's writing, or, where it declines, by the one kept serializer through a pooled buffer
/// (<see cref="PooledCharWriter"/>). Either way the JSON is what <c>JsonConvert.SerializeObject</c> with the client's
/// settings writes, except that <c>JsonConvert.DefaultSettings</c>, a process-wide default another library may set, is
/// not applied: the wire format is the client's alone.
/// </summary>
internal sealed class RequestBodyWriter
{
    private readonly Utf8FastWriter _fast;

    internal RequestBodyWriter(JsonSerializer serializer)
    {
        Serializer = serializer;
        _fast = new Utf8FastWriter(serializer);
    }

    /// <summary>The serializer request bodies are written with.</summary>
    public JsonSerializer Serializer { get; }

    /// <summary>The UTF-8 JSON of <paramref name="body"/>.</summary>
    public byte[] Write(object body) => _fast.TryWrite(body) ?? WriteWithSerializer(body);

    /// <summary>The UTF-8 JSON of <paramref name="body"/> as the serializer writes it, without the fast path (what it is compared with).</summary>
    internal byte[] WriteWithSerializer(object body)
    {
        using var text = new PooledCharWriter();
        using (var json = new JsonTextWriter(text) { ArrayPool = JsonCharArrayPool.Instance, CloseOutput = false, Formatting = Serializer.Formatting })
        {
            Serializer.Serialize(json, body);
        }

        return text.ToUtf8();
    }

    /// <summary>The fast path's UTF-8 JSON of <paramref name="body"/>, or null where it declines.</summary>
    internal byte[]? TryWriteFast(object body) => _fast.TryWrite(body);
}
