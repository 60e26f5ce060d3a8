using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace OpenAI.Gen.Tests.Unions;

/// <summary>Reading and writing with the client's own serializer settings, and semantic JSON comparison.</summary>
internal static class WireJson
{
    /// <summary>The settings <see cref="OpenAIClient"/> sends and reads with.</summary>
    public static JsonSerializerSettings Settings { get; } = OpenAIJson.Default.CopySettings();

    public static T Read<T>(string json) => JsonConvert.DeserializeObject<T>(json, Settings)!;

    public static string Write(object? value) => JsonConvert.SerializeObject(value, Settings);

    /// <summary>Parses keeping every string a string (no date guessing), as the client does.</summary>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    /// <summary>
    /// Reads <paramref name="json"/> as <typeparamref name="T"/>, writes it back and asserts the result is semantically
    /// the same JSON; then asserts a second round trip gives the very same text.
    /// </summary>
    public static T AssertRoundTrip<T>(string json)
    {
        var typed = Read<T>(json);
        var written = Write(typed);
        AssertSame(Parse(json), Parse(written), typeof(T).Name);
        Assert.That(Write(Read<T>(written)), Is.EqualTo(written), "a second round trip changes the text");
        return typed;
    }

    /// <summary>
    /// Asserts <paramref name="value"/> is written as <paramref name="expected"/>: the same members and values, in any
    /// order (a variant of a tagged union may write its tag first).
    /// </summary>
    public static void AssertWritten(object? value, string expected) => AssertSame(Parse(expected), Parse(Write(value)), value?.GetType().Name ?? "null");

    /// <summary>Asserts semantic equality and, when it fails, names the first differing path.</summary>
    public static void AssertSame(JToken expected, JToken actual, string context)
    {
        var difference = FirstDifference(expected, actual);
        Assert.That(difference, Is.Null, $"{context}: JSON differs at {difference}\nexpected: {expected.ToString(Formatting.None)}\nactual:   {actual.ToString(Formatting.None)}");
    }

    /// <summary>
    /// The path of the first difference, or null. Objects compare by member name (order is not meaningful in JSON),
    /// arrays by position, numbers by value (<c>0</c> and <c>0.0</c> are the same number); absent and null differ.
    /// </summary>
    public static string? FirstDifference(JToken expected, JToken actual)
    {
        switch (expected)
        {
            case JObject e when actual is JObject a:
                var names = e.Properties().Select(p => p.Name).Union(a.Properties().Select(p => p.Name));
                foreach (var name in names)
                {
                    if (e[name] is not { } ev || a[name] is not { } av)
                    {
                        return $"'{e.Path}.{name}' ({(e[name] == null ? "unexpected" : "missing")})";
                    }

                    if (FirstDifference(ev, av) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JArray e when actual is JArray a:
                if (e.Count != a.Count)
                {
                    return $"'{e.Path}' (length {e.Count} vs {a.Count})";
                }

                return e.Zip(a, FirstDifference).FirstOrDefault(d => d != null);
            case JValue e when actual is JValue a:
                return SameValue(e, a) ? null : $"'{e.Path}' ({e.ToString(Formatting.None)} vs {a.ToString(Formatting.None)})";
            default:
                return $"'{expected.Path}' ({expected.Type} vs {actual.Type})";
        }
    }

    private static bool SameValue(JValue e, JValue a)
    {
        var numbers = new[] { JTokenType.Integer, JTokenType.Float };
        if (numbers.Contains(e.Type) && numbers.Contains(a.Type))
        {
            return e.Type == a.Type && e.Type == JTokenType.Integer
                ? Equals(e.Value, a.Value) || Convert.ToDecimal(e.Value) == Convert.ToDecimal(a.Value)
                : Convert.ToDouble(e.Value) == Convert.ToDouble(a.Value);
        }

        return e.Type == a.Type && JToken.DeepEquals(e, a);
    }
}
