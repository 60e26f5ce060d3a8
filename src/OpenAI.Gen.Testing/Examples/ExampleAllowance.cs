using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>
/// A known finding that lenient validation accepts, with the reason written down: e.g. a spec example that shows
/// what the API really sends where the spec's schema is stricter. Strict mode ignores allowances.
/// </summary>
public sealed class ExampleAllowance
{
    /// <summary>Creates an allowance for findings <paramref name="code"/> (at <paramref name="path"/>, or anywhere when null) of part <paramref name="example"/>.</summary>
    public ExampleAllowance(string example, string code, string? path, string reason)
        : this(example, code, path, reason, null, null)
    {
    }

    /// <summary>
    /// Creates an allowance that also records the <paramref name="category"/> and spec <paramref name="location"/> of
    /// the finding it was written for (informational: matching uses the part, code and path).
    /// </summary>
    public ExampleAllowance(string example, string code, string? path, string reason, FindingCategory? category, string? location)
    {
        Example = string.IsNullOrWhiteSpace(example) ? throw new ArgumentException("the example part name is required", nameof(example)) : example;
        Code = string.IsNullOrWhiteSpace(code) ? throw new ArgumentException("the finding code is required", nameof(code)) : code;
        Path = path;
        Reason = string.IsNullOrWhiteSpace(reason) ? throw new ArgumentException("the reason is required", nameof(reason)) : reason;
        Category = category;
        Location = location;
    }

    /// <summary>The part name, e.g. <c>createChatCompletion / Logprobs / response</c>.</summary>
    public string Example { get; }

    /// <summary>The finding code, e.g. <c>StringExpected</c> or <c>MissingCurlBody</c>.</summary>
    public string Code { get; }

    /// <summary>The finding's JSON path (e.g. <c>#/system_fingerprint</c>), or null for any path.</summary>
    public string? Path { get; }

    /// <summary>Why the finding is accepted.</summary>
    public string Reason { get; }

    /// <summary>Which check produced the finding, when recorded.</summary>
    public FindingCategory? Category { get; }

    /// <summary>Where the example is in the spec (<c>file:line</c>), when recorded.</summary>
    public string? Location { get; }

    /// <summary>
    /// Reads the allowances in <paramref name="path"/>: a JSON array of <c>{"example", "code", "path"?, "reason"}</c>
    /// objects, or the object form <see cref="ExampleAllowanceFile"/> writes (whose spec digest is not checked here).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is missing, not JSON, or an entry lacks a member; the message names the entry.</exception>
    public static IReadOnlyList<ExampleAllowance> LoadFile(string path) => ExampleAllowanceFile.Load(path).Allowances;

    /// <summary>Reads allowances, in either form <see cref="LoadFile"/> takes; <paramref name="sourceName"/> names them in errors.</summary>
    /// <exception cref="InvalidDataException">Not JSON, or an entry lacks a member; the message names the entry.</exception>
    public static IReadOnlyList<ExampleAllowance> Parse(string json, string sourceName) => ExampleAllowanceFile.Parse(json, sourceName).Allowances;

    internal static IReadOnlyList<ExampleAllowance> FromArray(JArray entries, string sourceName)
    {
        var allowances = new List<ExampleAllowance>();
        for (var i = 0; i < entries.Count; i++)
        {
            string Member(string name, bool required)
            {
                var value = entries[i][name];
                if (value is JValue { Type: JTokenType.String } s && !string.IsNullOrWhiteSpace((string?)s))
                {
                    return (string)s!;
                }

                if (value == null && !required)
                {
                    return string.Empty;
                }

                throw new InvalidDataException($"{sourceName}: allowance {i + 1} (line {((IJsonLineInfo)entries[i]).LineNumber}): '{name}' must be a non-empty string");
            }

            if (entries[i] is not JObject)
            {
                throw new InvalidDataException($"{sourceName}: allowance {i + 1} is not an object");
            }

            var path = Member("path", required: false);
            var category = Member("category", required: false);
            var location = Member("location", required: false);
            allowances.Add(new ExampleAllowance(
                Member("example", true),
                Member("code", true),
                path.Length == 0 ? null : path,
                Member("reason", true),
                category.Length == 0 ? null : Enum.TryParse<FindingCategory>(category, out var c) ? c : throw new InvalidDataException($"{sourceName}: allowance {i + 1}: unknown category '{category}'"),
                location.Length == 0 ? null : location));
        }

        return allowances;
    }

    /// <summary>Whether it matches <paramref name="finding"/> of <paramref name="part"/>.</summary>
    public bool Matches(ExamplePart part, ExampleFinding finding) =>
        part.Name == Example && finding.Code == Code && (Path == null || Path == finding.Path);

    /// <summary>The allowance as a JSON object (the form <see cref="Parse"/> reads).</summary>
    public JObject ToJson()
    {
        var json = new JObject { ["example"] = Example, ["code"] = Code };
        if (Category != null)
        {
            json["category"] = Category.ToString();
        }

        if (Path != null)
        {
            json["path"] = Path;
        }

        if (Location != null)
        {
            json["location"] = Location;
        }

        json["reason"] = Reason;
        return json;
    }

    /// <summary>One line naming the part, code, path and reason.</summary>
    public override string ToString() => $"{Example}: {Code}{(Path == null ? string.Empty : " " + Path)} ({Reason})";
}
