using System;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen;

/// <summary>
/// How answers and stream chunks are read: what servers send, where the spec is stricter than the wire. A required member
/// may be absent or null (every chunk but a choice's last sends <c>finish_reason: null</c>; LocalAI sends
/// <c>"finish_reason": ""</c>; compatible servers leave out members the spec requires), and a null where a number or
/// boolean cannot be null leaves the member at its default. Only malformed JSON or a value of the wrong JSON kind fails,
/// with its path. Requests are written with the strict contracts (<see cref="OpenAIContractResolver"/>).
/// </summary>
internal sealed class LenientContractResolver : OpenAIContractResolver
{
    /// <summary>One instance per process, so contracts are built once and shared by every client.</summary>
    public static new readonly LenientContractResolver Instance = new();

    private LenientContractResolver()
    {
    }

    /// <summary>Whether a chunk may hold null for <paramref name="property"/> (as the strict contracts read it) where a whole answer may not.</summary>
    public static bool AllowsNullInChunk(JsonProperty property) =>
        property.Required == Required.Always && typeof(ExtensibleEnum).IsAssignableFrom(property.PropertyType);

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        property.Required = Required.Default;
        if (property.PropertyType is { IsValueType: true } type && Nullable.GetUnderlyingType(type) == null)
        {
            property.NullValueHandling = NullValueHandling.Ignore;
        }

        return property;
    }
}
