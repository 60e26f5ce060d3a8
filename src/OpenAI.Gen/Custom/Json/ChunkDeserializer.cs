using System;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>
/// Reads stream chunks (one instance, in <see cref="OpenAIJson"/>): on the UTF-8 fast path (<see cref="Utf8FastReader"/>)
/// with the stream's repeated values reused, or else with <see cref="Serializer"/>.
/// </summary>
internal sealed class ChunkDeserializer
{
    private readonly Utf8FastReader _fast;

    internal ChunkDeserializer(JsonSerializer serializer, Utf8FastReader fast)
    {
        Serializer = serializer;
        _fast = fast;
    }

    /// <summary>The Newtonsoft serializer for stream chunks: read as servers send (LenientContractResolver), no trailing content.</summary>
    public JsonSerializer Serializer { get; }

    /// <summary>Reads <paramref name="json"/> as <typeparamref name="T"/> on the fast path; false when it declines.</summary>
    /// <param name="json">The chunk's UTF-8 JSON.</param>
    /// <param name="repeats">The stream's last values, reused where this chunk repeats them.</param>
    /// <param name="value">The chunk.</param>
    public bool TryRead<T>(ReadOnlySpan<byte> json, RepeatedValues repeats, out T? value)
        where T : class => _fast.TryRead(json, repeats, out value);
}
