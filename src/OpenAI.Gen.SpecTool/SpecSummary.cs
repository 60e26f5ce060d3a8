using System;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

/// <summary>
/// What a normalization made of a spec, in numbers a reader of the spec matrix compares across specs (<c>normalize
/// --summary</c>): operations kept, schemas, open enums, tagged unions, typed untagged unions, unions left as raw JSON
/// with their locations, and warnings by code.
/// </summary>
public static class SpecSummary
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    /// <summary>
    /// The summary of <paramref name="result"/>; <paramref name="openApi"/> and <paramref name="infoVersion"/> are the
    /// input spec's, read before normalizing (which rewrites a 3.1 document as 3.0).
    /// </summary>
    public static JObject Of(NormalizeResult result, string? openApi, string? infoVersion)
    {
        var document = result.Document;
        var schemas = (JObject?)document["components"]?["schemas"] ?? new JObject();
        var operations = ((JObject?)document["paths"] ?? new JObject()).Properties()
            .SelectMany(path => ((JObject)path.Value).Properties().Where(m => Methods.Contains(m.Name)).Select(m => $"{m.Name.ToUpperInvariant()} {path.Name}"))
            .ToList();
        var warnings = new JObject();
        foreach (var group in result.Warnings.GroupBy(w => w.Split(':')[0]).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            warnings[group.Key] = group.Count();
        }

        return new JObject
        {
            ["openapi"] = openApi,
            ["infoVersion"] = infoVersion,
            ["operations"] = new JArray(operations),
            ["schemas"] = schemas.Count,
            ["openEnums"] = result.Enums.Count,
            ["taggedUnions"] = new JArray(result.TaggedUnions.Keys),
            ["typedUntaggedUnions"] = new JArray(result.Unions.Keys),
            ["rawJsonUnions"] = new JArray(result.RawUnions),
            ["warnings"] = warnings,
        };
    }
}
