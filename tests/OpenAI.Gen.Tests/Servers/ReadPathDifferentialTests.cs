using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Servers;

/// <summary>
/// The UTF-8 fast path and Newtonsoft decide the same on every mutation of every spec answer and chunk: when the fast
/// path reads a value, Newtonsoft reads the same one; and what the wire may loosen (null, "", a missing member) reads.
/// </summary>
public class ReadPathDifferentialTests
{
    private static readonly JsonSerializerSettings Settings = OpenAIJson.Default.CopyChunkSettings();
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);
    private static readonly Utf8FastReader Fast = new(Serializer, new FastShapeCache(LenientContractResolver.Instance), maxDepth: 128);

    /// <summary>A spec answer or chunk: its type and compact JSON.</summary>
    public static IEnumerable<TestCaseData> Samples()
    {
        foreach (var (type, name, json) in SpecExamples.Answers())
        {
            yield return Sample(type, name, json);
        }

        var chunks = SpecExamples.StreamedChunks("/chat/completions", "Streaming");
        yield return Sample(typeof(CreateChatCompletionStreamResponse), "chat chunk first", chunks[0]);
        yield return Sample(typeof(CreateChatCompletionStreamResponse), "chat chunk last", chunks[^1]);
    }

    private static TestCaseData Sample(Type type, string name, string json) =>
        new TestCaseData(type, JToken.Parse(json).ToString(Formatting.None)).SetName("Both read paths agree on mutations of " + name);

    /// <summary>Mutations of <paramref name="json"/>: each value made "", null, another kind, an odd number; each member removed, escaped, doubled; deep nesting.</summary>
    public static IEnumerable<(string Kind, string Json)> Mutations(string json)
    {
        var root = JObject.Parse(json);
        var values = root.Descendants().OfType<JValue>().Cast<JToken>().Concat(root.Descendants().Where(t => t is JContainer && t is not JProperty)).ToList();
        foreach (var value in values)
        {
            var path = value.Path;
            yield return ("null", Replace(root, path, JValue.CreateNull()));
            if (value.Type == JTokenType.String)
            {
                yield return ("empty", Replace(root, path, new JValue(string.Empty)));
                yield return ("wrong kind", Replace(root, path, new JValue(7)));
            }
            else if (value.Type is JTokenType.Integer or JTokenType.Float)
            {
                yield return ("wrong kind", Replace(root, path, new JValue("7")));
                yield return ("number", Replace(root, path, new JRaw("-0.0")));
                yield return ("number", Replace(root, path, new JRaw("1e400")));
                yield return ("number", Replace(root, path, new JRaw("123456789012345678901234567890")));
                yield return ("number", Replace(root, path, new JRaw("2.5")));
            }
            else if (value is JObject)
            {
                yield return ("wrong kind", Replace(root, path, new JArray()));
            }
            else if (value is JArray)
            {
                yield return ("wrong kind", Replace(root, path, new JObject()));
                yield return ("null item", Replace(root, path, new JArray(((JArray)value).Concat(new[] { JValue.CreateNull() }))));
            }
        }

        foreach (var property in root.Descendants().OfType<JProperty>().ToList())
        {
            var copy = root.DeepClone();
            copy.SelectToken(property.Path)!.Parent!.Remove();
            yield return ("missing", copy.ToString(Formatting.None));

            var text = root.ToString(Formatting.None);
            var quoted = "\"" + property.Name + "\":";
            var at = text.IndexOf(quoted, StringComparison.Ordinal);
            // Names that occur once only: the text edit must hit this very member.
            if (at >= 0 && property.Name.Length > 0 && text.IndexOf(quoted, at + 1, StringComparison.Ordinal) < 0)
            {
                var escaped = "\"\\u" + ((int)property.Name[0]).ToString("x4") + property.Name.Substring(1) + "\":";
                yield return ("escaped name", text.Substring(0, at) + escaped + text.Substring(at + quoted.Length));
                var valueText = property.Value.ToString(Formatting.None);
                yield return ("duplicate name", text.Substring(0, at) + quoted + valueText + "," + text.Substring(at));
            }
        }

        foreach (var depth in new[] { 60, 100, 127, 200 })
        {
            var text = root.ToString(Formatting.None);
            yield return ("deep", "{\"deep\":" + new string('[', depth) + new string(']', depth) + "," + text.Substring(1));
        }

        yield return ("ignored name", "{\"AdditionalProperties\":1," + root.ToString(Formatting.None).Substring(1));
    }

    private static string Replace(JObject root, string path, JToken with)
    {
        var copy = (JObject)root.DeepClone();
        var target = copy.SelectToken(path)!;
        if (ReferenceEquals(target, copy))
        {
            return with.ToString(Formatting.None);
        }

        target.Replace(with);
        return copy.ToString(Formatting.None);
    }

    private static (object? Value, Exception? Error) ReadWithNewtonsoft(Type type, string json)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json));
            return (Serializer.Deserialize(reader, type), null);
        }
        catch (JsonException e)
        {
            return (null, e);
        }
    }

    private static string Written(object value) => JsonConvert.SerializeObject(value, Settings);

    [TestCaseSource(nameof(Samples))]
    public void Fast_path_and_Newtonsoft_decide_the_same(Type type, string json)
    {
        var differences = new List<string>();
        var cases = 0;
        foreach (var (kind, mutated) in Mutations(json))
        {
            cases++;
            var fastRead = Fast.TryRead(Encoding.UTF8.GetBytes(mutated), type, null, out var fast);
            var (slow, error) = ReadWithNewtonsoft(type, mutated);
            if (fastRead && (error != null || Written(fast!) != Written(slow!)))
            {
                differences.Add($"{kind}: {mutated}\n  fast: {Written(fast!)}\n  newtonsoft: {(error != null ? error.Message : Written(slow!))}");
            }

            // A tagged union's tag chooses the variant: without it (null or left out) the object is refused with its path,
            // the union rule, where other members may loosen (the fast path must refuse it too, checked above).
            var tagRefused = error?.Message.Contains(" variant (one of: ", StringComparison.Ordinal) == true;
            if (kind is "null" or "empty" or "missing" or "null item" or "ignored name" or "escaped name" or "duplicate name" && error != null && !tagRefused)
            {
                differences.Add($"{kind} must read: {mutated}\n  newtonsoft: {error!.Message}");
            }
        }

        TestContext.Out.WriteLine($"{cases} mutations");
        Assert.That(differences, Is.Empty, string.Join("\n", differences.Take(8)));
    }
}
