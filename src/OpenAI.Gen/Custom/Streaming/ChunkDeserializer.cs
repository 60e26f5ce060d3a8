using System;
using System.Runtime.CompilerServices;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>
/// Reads stream chunks for one client settings object (built once, then shared): on the UTF-8 fast path
/// (<see cref="Utf8FastReader"/>) with the stream's repeated values reused, or else with <see cref="Serializer"/>.
/// </summary>
internal sealed class ChunkDeserializer
{
    private static readonly ConditionalWeakTable<JsonSerializerSettings, ChunkDeserializer> Cache = new();

    private readonly Utf8FastReader _fast;

    private ChunkDeserializer(JsonSerializerSettings settings)
    {
        Settings = StreamSettingsFor(settings);
        Serializer = JsonSerializer.Create(Settings);
        _fast = new Utf8FastReader(Serializer, settings);
    }

    /// <summary>The settings <see cref="Serializer"/> was built from (<see cref="OpenAIClient.StreamJsonSerializerSettings"/>).</summary>
    public JsonSerializerSettings Settings { get; }

    /// <summary>The Newtonsoft serializer for stream chunks: the client's settings, lenient required open enums, no trailing content.</summary>
    public JsonSerializer Serializer { get; }

    public static ChunkDeserializer For(JsonSerializerSettings settings) => Cache.GetValue(settings, s => new ChunkDeserializer(s));

    /// <summary>
    /// The settings stream chunks are read with, from the client's <paramref name="settings"/>: a custom resolver is kept
    /// as the caller chose it, only the default or the client's one becomes the lenient one; and one event holds one
    /// JSON value, so anything after it is a malformed event, not something to skip.
    /// </summary>
    private static JsonSerializerSettings StreamSettingsFor(JsonSerializerSettings settings) => new(settings)
    {
        ContractResolver = OpenAIContractResolver.ReadsAsDefault(settings) ? StreamChunkContractResolver.Instance : settings.ContractResolver,
        CheckAdditionalContent = true,
    };

    /// <summary>Reads <paramref name="json"/> as <typeparamref name="T"/> on the fast path; false when it declines.</summary>
    /// <param name="json">The chunk's UTF-8 JSON.</param>
    /// <param name="repeats">The stream's last values, reused where this chunk repeats them.</param>
    /// <param name="value">The chunk.</param>
    public bool TryRead<T>(ReadOnlySpan<byte> json, RepeatedValues repeats, out T? value)
        where T : class => _fast.TryRead(json, repeats, out value);
}
