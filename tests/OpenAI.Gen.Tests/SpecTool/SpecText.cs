using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using OpenAI.Gen.SpecTool;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.SpecTool;

/// <summary>Small specs for the spec tool's tests, and the library's own union configuration.</summary>
public static class SpecText
{
    /// <summary>A document with one operation (POST /things, body Req, answer Res) and the given schemas.</summary>
    public static JObject WithSchemas(string schemas, string version = "3.1.0")
    {
        var indented = string.Join("\n", schemas.Split('\n').Select(l => "    " + l));
        return YamlLoader.Load(
            $"openapi: {version}\ninfo:\n  title: t\n  version: \"1\"\npaths:\n  /things:\n    post:\n      operationId: createThing\n"
            + "      requestBody:\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/Req'\n"
            + "      responses:\n        \"200\":\n          description: OK\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Res'\n"
            + "components:\n  schemas:\n    Req:\n      type: object\n    Res:\n      type: object\n" + indented + "\n",
            "test.yaml");
    }

    /// <summary>Normalizes with the given union names (name → locations) and member names (name → shape → member).</summary>
    public static NormalizeResult Normalize(JObject spec, IDictionary<string, string[]>? unions = null, IDictionary<string, IDictionary<string, string>>? members = null)
    {
        var options = new NormalizeOptions { SourceName = "test.yaml" };
        foreach (var u in unions ?? new Dictionary<string, string[]>())
        {
            options.Unions[u.Key] = u.Value.ToList();
        }

        foreach (var m in members ?? new Dictionary<string, IDictionary<string, string>>())
        {
            options.UnionVariantNames[m.Key] = m.Value;
        }

        return new SpecNormalizer(options).Normalize(spec);
    }

    /// <summary>A schema of the normalized document.</summary>
    public static JObject Schema(this NormalizeResult result, string name) =>
        (JObject)(result.Document["components"]!["schemas"]![name] ?? throw new KeyNotFoundException($"no schema {name}; have: {string.Join(", ", result.SchemaNames())}"));

    /// <summary>The names of the normalized document's schemas.</summary>
    public static IEnumerable<string> SchemaNames(this NormalizeResult result) =>
        ((JObject)result.Document["components"]!["schemas"]!).Properties().Select(p => p.Name);

    /// <summary>The union name map of OpenAI.Gen.Generation.targets, as the build passes it.</summary>
    public static NormalizeOptions LibraryOptions(string sourceName)
    {
        var targets = XDocument.Load(Path.Combine(Repo.Root, "src", "OpenAI.Gen", "OpenAI.Gen.Generation.targets"));
        var options = new NormalizeOptions { SourceName = sourceName };
        foreach (var item in targets.Descendants().Where(e => e.Name.LocalName == "OpenAIGenUnion"))
        {
            if (item.Attribute("Include") is { } include)
            {
                options.Unions[include.Value] = item.Attribute("Locations")!.Value.Split(',').Select(l => l.Trim()).ToList();
            }

            if (item.Attribute("Members") is { } members)
            {
                options.UnionVariantNames[item.Attribute("Include")!.Value] = members.Value.Split(',').Select(p => p.Split('='))
                    .ToDictionary(p => p[1].Trim(), p => p[0].Trim());
            }
        }

        return options;
    }

    /// <summary>Every union keyword left in a document (NSwag would collapse each to its first member).</summary>
    public static List<string> UnionsLeft(JObject document) =>
        document.Descendants().OfType<JProperty>().Where(p => p.Name is "oneOf" or "anyOf").Select(p => p.Path).ToList();

    /// <summary>A fixture of the SpecTool tests.</summary>
    public static string Fixture(string name) => Path.Combine(Repo.Root, "tests", "OpenAI.Gen.Tests", "SpecTool", "Fixtures", name);
}
