using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>Semantic differences between an example value and its DTO round trip (member order and number spelling do not count).</summary>
internal static class JsonDiff
{
    /// <summary>(code, path, message, the example token it concerns).</summary>
    public static List<(string Code, string Path, string Message, JToken At)> Compare(JToken expected, JToken actual)
    {
        var differences = new List<(string, string, string, JToken)>();
        Compare(expected, actual, differences);
        return differences;
    }

    private static void Compare(JToken expected, JToken actual, List<(string, string, string, JToken)> into)
    {
        switch (expected)
        {
            case JObject e when actual is JObject a:
                foreach (var member in e.Properties())
                {
                    if (a.TryGetValue(member.Name, out var value))
                    {
                        Compare(member.Value, value, into);
                    }
                    else
                    {
                        into.Add((RoundTripCodes.Lost, PathOf(member.Value), $"member '{member.Name}' is lost by the DTO", member.Value));
                    }
                }

                foreach (var member in a.Properties())
                {
                    if (!e.ContainsKey(member.Name))
                    {
                        into.Add((RoundTripCodes.Added, PathOf(e) + (PathOf(e) == "#" ? "/" : ".") + member.Name, $"the DTO writes member '{member.Name}' = {Show(member.Value)} that the example does not have", e));
                    }
                }

                break;
            case JArray e when actual is JArray a && e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                {
                    Compare(e[i], a[i], into);
                }

                break;
            case JArray e when actual is JArray a:
                into.Add((RoundTripCodes.Changed, PathOf(e), $"the array has {e.Count} items in the example but {a.Count} after the round trip", e));
                break;
            default:
                if (!SameValue(expected, actual))
                {
                    into.Add((RoundTripCodes.Changed, PathOf(expected), $"{Show(expected)} became {Show(actual)}", expected));
                }

                break;
        }
    }

    // 0 and 0.0 are the same JSON number; DeepEquals tells an integer token from a float one.
    private static bool SameValue(JToken expected, JToken actual) =>
        JToken.DeepEquals(expected, actual)
        || (expected.Type != actual.Type
            && expected.Type is JTokenType.Integer or JTokenType.Float && actual.Type is JTokenType.Integer or JTokenType.Float
            && (double)expected == (double)actual);

    private static string PathOf(JToken token) => token.Path.Length == 0 ? "#" : "#/" + token.Path;

    private static string Show(JToken token)
    {
        var text = token.ToString(Formatting.None);
        return text.Length <= 40 ? text : text.Substring(0, 37) + "...";
    }
}
