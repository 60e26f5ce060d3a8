using System.Collections;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen;

/// <summary>
/// Where a request body holds null in a member the spec requires (an answer read from a server that sent null there,
/// or a member the caller left unset): the JSON path of the first one, as the body would be written. Newtonsoft's own
/// error names the member only in its text; this is asked only after writing failed, so it costs nothing on success.
/// </summary>
internal static class RequiredNullFinder
{
    // As deep as the client writes (OpenAIJson's MaxDepth); also ends a walk around an object graph with a cycle.
    private const int MaxDepth = 128;

    /// <summary>The path (<c>$.messages[0].content</c>) of the first required member of <paramref name="body"/> that is null, or null.</summary>
    internal static string? Find(object body) => Find(body, "$", 0);

    private static string? Find(object value, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (OpenAIContractResolver.Instance.ResolveContract(value.GetType()))
        {
            case JsonObjectContract contract:
                foreach (var property in contract.Properties)
                {
                    // Only what the writer writes: members it skips cannot be the null it refused.
                    if (property.Ignored || !property.Readable || property.ValueProvider == null
                        || property.ShouldSerialize?.Invoke(value) == false || property.GetIsSpecified?.Invoke(value) == false)
                    {
                        continue;
                    }

                    var at = path + "." + property.PropertyName;
                    var member = property.ValueProvider.GetValue(value);
                    if (member == null)
                    {
                        if (property.Required is Required.Always or Required.DisallowNull)
                        {
                            return at;
                        }
                    }
                    else if (Find(member, at, depth + 1) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonDictionaryContract:
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    if (entry.Value != null && Find(entry.Value, path + "." + entry.Key, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArrayContract:
                var index = 0;
                foreach (var item in (IEnumerable)value)
                {
                    if (item != null && Find(item, path + "[" + index + "]", depth + 1) is { } found)
                    {
                        return found;
                    }

                    index++;
                }

                return null;
            default:
                return null;
        }
    }
}
