using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using OpenAI.Gen.SpecTool;

namespace OpenAI.Gen.Tests.Support;

/// <summary>Reads x-oaiMeta examples of the committed spec for tests.</summary>
public static class SpecExamples
{
    // The quoted -d body, closed at the end of a line or before a line continuation (more curl options follow).
    private static readonly Regex CurlBody = new(@"-d\s+'(?<body>[\s\S]*?)'[ \t]*(\\[ \t]*)?$", RegexOptions.Multiline);

    /// <summary>The committed spec as a JSON tree.</summary>
    public static JObject Spec { get; } = YamlLoader.LoadFile(Repo.Spec);

    /// <summary>
    /// Whether schema <paramref name="schemaName"/> of the spec declares <paramref name="member"/>, itself or through
    /// its <c>allOf</c> chain (read from the YAML here, apart from the library's own reading).
    /// </summary>
    public static bool HasMember(string schemaName, string member) => HasMember(Schema(schemaName), member, 0);

    /// <summary>Whether schema <paramref name="schemaName"/> requires any member, itself or through its <c>allOf</c> chain.</summary>
    public static bool RequiresAny(string schemaName) => RequiresAny(Schema(schemaName), 0);

    private static bool RequiresAny(JObject? schema, int depth)
    {
        if (schema == null || depth > 16)
        {
            return false;
        }

        if ((string?)schema["$ref"] is { } reference)
        {
            return RequiresAny(Schema(reference.Substring(reference.LastIndexOf('/') + 1)), depth + 1);
        }

        return schema["required"] is JArray { Count: > 0 } || (schema["allOf"] as JArray)?.OfType<JObject>().Any(part => RequiresAny(part, depth + 1)) == true;
    }

    private static JObject Schema(string name) => (JObject)Spec["components"]!["schemas"]![name]!;

    private static bool HasMember(JObject? schema, string member, int depth)
    {
        if (schema == null || depth > 16)
        {
            return false;
        }

        if ((string?)schema["$ref"] is { } reference)
        {
            return HasMember(Schema(reference.Substring(reference.LastIndexOf('/') + 1)), member, depth + 1);
        }

        return schema["properties"]?[member] != null
               || (schema["allOf"] as JArray)?.OfType<JObject>().Any(part => HasMember(part, member, depth + 1)) == true;
    }

    /// <summary>The example with <paramref name="title"/> of operation at <paramref name="path"/>.</summary>
    public static JObject Example(string path, string title) =>
        ((JArray)Spec["paths"]![path]!["post"]!["x-oaiMeta"]!["examples"]!).OfType<JObject>().Single(e => (string?)e["title"] == title);

    /// <summary>The chat operation's Default answer, which tests about transport or retries get back: each call a fresh copy.</summary>
    public static JObject DefaultChat => (JObject)JToken.Parse(Response("/chat/completions", "Default"));

    /// <summary>The <c>id</c> of <see cref="DefaultChat"/>.</summary>
    public static string DefaultChatId => (string)DefaultChat["id"]!;

    /// <summary>The text of <see cref="DefaultChat"/>'s first choice.</summary>
    public static string DefaultChatContent => (string)DefaultChat["choices"]![0]!["message"]!["content"]!;

    /// <summary>The response text of an example.</summary>
    public static string Response(string path, string title) => (string)Example(path, title)["response"]!;

    /// <summary>The JSON body after -d in the curl snippet of an example.</summary>
    public static string RequestBody(string path, string title) =>
        CurlBody.Match((string)Example(path, title)["request"]!["curl"]!).Groups["body"].Value;

    /// <summary>
    /// The chunks of a streaming example: JSON lines without "data:", separated by blank lines, whose elided middle
    /// ("....", exactly one) is skipped by name.
    /// </summary>
    public static string[] StreamedChunks(string path, string title)
    {
        var pieces = Regex.Split(Response(path, title).Trim(), @"\n\s*\n").Select(p => p.Trim()).ToList();
        if (pieces.Count(p => p == "....") != 1)
        {
            throw new System.InvalidOperationException($"the {title} example of {path} should elide its middle chunks with exactly one '....'");
        }

        return pieces.Where(p => p != "....").ToArray();
    }

    /// <summary>The spec's whole answers (chat Default, Image input, Functions, Logprobs; completion No streaming): type, name and compact JSON.</summary>
    public static IEnumerable<(System.Type Type, string Name, string Json)> Answers()
    {
        foreach (var title in new[] { "Default", "Image input", "Functions", "Logprobs" })
        {
            yield return (typeof(CreateChatCompletionResponse), "chat " + title, Compact(Response("/chat/completions", title)));
        }

        yield return (typeof(CreateCompletionResponse), "completion No streaming", Compact(Response("/completions", "No streaming")));
    }

    // The spec's answers carry defects such as trailing commas, which Newtonsoft forgives: compact, valid JSON.
    private static string Compact(string json) => Newtonsoft.Json.Linq.JToken.Parse(json).ToString(Newtonsoft.Json.Formatting.None);
}
