using System.Collections.Generic;
using System.Text;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen;

/// <summary>
/// Folds delta members the spec this client was generated from does not name (e.g. a newer server's
/// <c>refusal</c>): a string is a fragment and is concatenated, like <c>content</c>; any other value replaces the
/// previous one; null never overwrites a value. Nothing a newer server streams is dropped from the snapshot.
/// </summary>
internal sealed class DeltaMemberAccumulator
{
    // A StringBuilder for text fragments, a JToken for any other value, null for a member seen only as null.
    private Dictionary<string, object?>? _members;

    public void Append(IDictionary<string, object> members)
    {
        foreach (var pair in members)
        {
            _members ??= new Dictionary<string, object?>();
            var token = pair.Value as JToken ?? (pair.Value == null ? JValue.CreateNull() : JToken.FromObject(pair.Value));
            _members.TryGetValue(pair.Key, out var current);
            if (token.Type == JTokenType.String)
            {
                if (current is StringBuilder text)
                {
                    text.Append((string?)token);
                }
                else
                {
                    _members[pair.Key] = new StringBuilder((string?)token);
                }
            }
            else if (token.Type != JTokenType.Null)
            {
                _members[pair.Key] = token.DeepClone();
            }
            else if (!_members.ContainsKey(pair.Key))
            {
                _members[pair.Key] = null;
            }
        }
    }

    public void CopyTo(ChatCompletionResponseMessage message)
    {
        if (_members == null)
        {
            return;
        }

        foreach (var pair in _members)
        {
            message.AdditionalProperties[pair.Key] = pair.Value switch
            {
                StringBuilder text => new JValue(text.ToString()),
                JToken token => token.DeepClone(),
                _ => JValue.CreateNull(),
            };
        }
    }
}
