using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen;

/// <summary>
/// Reads stream chunks where the spec's required open enums are stricter than the wire: they may be null or "".
/// Completion chunks share the response schema, whose <c>finish_reason</c> is required and non-null, yet every
/// chunk but a choice's last sends null; and proxies send a leading chunk with <c>"object": ""</c>, which
/// Newtonsoft counts as null for the required check even though the enum converter reads it as a value.
/// </summary>
internal sealed class StreamChunkContractResolver : OpenAIContractResolver
{
    // One instance of each per process, so contracts are built once and shared by every client.
    public static new readonly StreamChunkContractResolver Instance = new(relaxAll: false);

    /// <summary>Also lets accumulator snapshots be read and written mid-stream, when required members may still be missing.</summary>
    public static readonly StreamChunkContractResolver Snapshots = new(relaxAll: true);

    private readonly bool _relaxAll;

    private StreamChunkContractResolver(bool relaxAll)
    {
        _relaxAll = relaxAll;
    }

    /// <summary>Whether a chunk may hold null for <paramref name="property"/> (as the strict contracts read it) where a whole answer may not.</summary>
    public static bool AllowsNullInChunk(JsonProperty property) =>
        property.Required == Required.Always && typeof(ExtensibleEnum).IsAssignableFrom(property.PropertyType);

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (_relaxAll)
        {
            property.Required = Required.Default;
        }
        else if (AllowsNullInChunk(property))
        {
            property.Required = Required.AllowNull;
        }

        return property;
    }
}
