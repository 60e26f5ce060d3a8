using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen;

/// <summary>
/// Reads stream chunks where the spec is stricter than the wire: completion chunks share the response schema,
/// whose <c>finish_reason</c> is required and non-null, yet every chunk but a choice's last sends it as null.
/// </summary>
internal sealed class StreamChunkContractResolver : DefaultContractResolver
{
    // One instance per process, so contracts are built once and shared by every client.
    public static readonly StreamChunkContractResolver Instance = new();

    protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        if (property.DeclaringType == typeof(CreateCompletionResponseChoice) && property.PropertyName == "finish_reason")
        {
            property.Required = Required.AllowNull;
        }

        return property;
    }
}
