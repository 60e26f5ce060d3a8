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
internal sealed class StreamChunkContractResolver : DefaultContractResolver
{
    // One instance per process, so contracts are built once and shared by every client.
    public static readonly StreamChunkContractResolver Instance = new();

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (property.Required == Required.Always && typeof(ExtensibleEnum).IsAssignableFrom(property.PropertyType))
        {
            property.Required = Required.AllowNull;
        }

        return property;
    }
}
