using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Extensions.AI;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Extensions.AI;

/// <summary>
/// Writes <see cref="ChatOptions.AdditionalProperties"/> into a request: a key that names a member of the request
/// (<c>user</c>, <c>n</c>, <c>logprobs</c>, <c>logit_bias</c>, …) sets that typed member unless it is already set; any
/// other key (<c>stream_options</c>, a newer API's member) is written as an extra member unless already present.
/// </summary>
internal static class ExtraMembers
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings { DateParseHandling = DateParseHandling.None });

    // JSON name → the typed member and the check of whether it is set (null for the always-written required ones).
    private static readonly Dictionary<string, (PropertyInfo Property, MethodInfo? IsSet)> Members =
        typeof(CreateChatCompletionRequest).GetProperties()
            .Select(p => (Property: p, Json: p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName))
            .Where(m => m.Json != null)
            .ToDictionary(m => m.Json!, m => (m.Property, (MethodInfo?)typeof(CreateChatCompletionRequest).GetMethod("ShouldSerialize" + m.Property.Name, Type.EmptyTypes)), StringComparer.Ordinal);

    public static void Apply(CreateChatCompletionRequest request, AdditionalPropertiesDictionary? extra)
    {
        if (extra == null)
        {
            return;
        }

        foreach (var pair in extra)
        {
            if (Members.TryGetValue(pair.Key, out var member))
            {
                if (member.IsSet == null || (bool)member.IsSet.Invoke(request, null)!)
                {
                    continue;
                }

                try
                {
                    member.Property.SetValue(request, JsonBridge.ToToken(pair.Value).ToObject(member.Property.PropertyType, Serializer));
                }
                catch (Exception e) when (e is JsonException or ArgumentException or InvalidCastException or FormatException)
                {
                    throw new ArgumentException($"ChatOptions.AdditionalProperties[\"{pair.Key}\"]: {e.Message}", "options", e);
                }
            }
            else if (!request.AdditionalProperties.ContainsKey(pair.Key))
            {
                request.AdditionalProperties[pair.Key] = JsonBridge.ToToken(pair.Value);
            }
        }
    }
}
