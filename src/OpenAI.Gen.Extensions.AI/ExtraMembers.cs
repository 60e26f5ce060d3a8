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
/// other key (a member the spec in use does not type) is written as an extra member unless already present.
/// </summary>
internal static class ExtraMembers
{
    // JSON name → the typed member.
    private static readonly Dictionary<string, PropertyInfo> Members =
        typeof(CreateChatCompletionRequest).GetProperties()
            .Select(p => (Property: p, Json: p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName))
            .Where(m => m.Json != null)
            .ToDictionary(m => m.Json!, m => m.Property, StringComparer.Ordinal);

    public static void Apply(CreateChatCompletionRequest request, AdditionalPropertiesDictionary? extra)
    {
        foreach (var pair in extra ?? Enumerable.Empty<KeyValuePair<string, object?>>())
        {
            SetUnlessPresent(request, pair.Key, pair.Value, $"ChatOptions.AdditionalProperties[\"{pair.Key}\"]");
        }
    }

    /// <summary>Whether the spec in use types the request member named <paramref name="name"/>.</summary>
    public static bool IsTyped(string name) => Members.ContainsKey(name);

    /// <summary>Whether the request has the member named <paramref name="name"/>, typed or extra.</summary>
    public static bool IsPresent(CreateChatCompletionRequest request, string name) =>
        request.AdditionalProperties.ContainsKey(name)
        || (Members.TryGetValue(name, out var member) && OpenAIJson.IsSet(request, member.Name));

    /// <summary>
    /// Sets the request member named <paramref name="name"/> (typed when the spec in use types it, extra otherwise)
    /// unless the request already has it either way, so that it is never written twice; <paramref name="at"/> names
    /// the value's source in the error for a value that does not fit the typed member.
    /// </summary>
    public static void SetUnlessPresent(CreateChatCompletionRequest request, string name, object? value, string at)
    {
        if (IsPresent(request, name))
        {
            return;
        }

        if (!Members.TryGetValue(name, out var member))
        {
            request.AdditionalProperties[name] = JsonBridge.ToToken(value);
            return;
        }

        try
        {
            member.SetValue(request, OpenAIJson.Default.FromToken(JsonBridge.ToToken(value), member.PropertyType));
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidCastException or FormatException)
        {
            throw new ArgumentException($"{at}: {e.Message}", "options", e);
        }
    }
}
