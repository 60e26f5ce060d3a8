using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen;

/// <summary>
/// Folds the members a chunk or choice repeats rather than streams (<c>id</c>, <c>model</c>, <c>created</c>,
/// <c>system_fingerprint</c>, <c>usage</c>, <c>finish_reason</c>, members of a newer spec): <c>id</c> and
/// <c>model</c> keep their first non-empty value and <c>created</c> its first non-zero one, so a proxy's leading
/// chunk with empty values does not blank them; any other member keeps its last non-null value, and is null only
/// when no chunk had a value.
/// </summary>
internal sealed class MemberFold
{
    private readonly Dictionary<string, JToken> _members = new();

    public void Fold(string name, JToken value)
    {
        _members.TryGetValue(name, out var current);
        var keepFirst = name switch
        {
            "id" or "model" => current is JValue { Type: JTokenType.String } s && !string.IsNullOrEmpty((string?)s),
            "created" => current is JValue { Type: JTokenType.Integer } n && (long)n != 0,
            _ => false,
        };

        // Chunks repeat these members unchanged: keep the copy already taken.
        if (!keepFirst && (value.Type != JTokenType.Null || current == null) && !JToken.DeepEquals(current, value))
        {
            _members[name] = value.DeepClone();
        }
    }

    public void CopyTo(JObject target)
    {
        foreach (var member in _members)
        {
            target[member.Key] = member.Value.DeepClone();
        }
    }
}
