using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>
/// Writes request bodies (one instance, in <see cref="OpenAIJson"/>). A new serializer, string builder and
/// string per request cost more than writing a typical request, so one serializer is kept and the text goes through a
/// pooled buffer (<see cref="PooledCharWriter"/>) straight to UTF-8. The JSON is what
/// <c>JsonConvert.SerializeObject</c> with the client's settings writes, except that <c>JsonConvert.DefaultSettings</c>, a
/// process-wide default another library may set, is not applied: the wire format is the client's alone.
/// </summary>
internal sealed class RequestBodyWriter
{
    internal RequestBodyWriter(JsonSerializer serializer) => Serializer = serializer;

    /// <summary>The serializer request bodies are written with.</summary>
    public JsonSerializer Serializer { get; }

    /// <summary>The UTF-8 JSON of <paramref name="body"/>.</summary>
    public byte[] Write(object body)
    {
        using var text = new PooledCharWriter();
        using (var json = new JsonTextWriter(text) { ArrayPool = JsonCharArrayPool.Instance, CloseOutput = false, Formatting = Serializer.Formatting })
        {
            Serializer.Serialize(json, body);
        }

        return text.ToUtf8();
    }
}
