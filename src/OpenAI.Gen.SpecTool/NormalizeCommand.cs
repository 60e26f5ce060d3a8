using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

/// <summary><c>normalize</c>: spec YAML in; NSwag input, open-enum C# and the excluded type list out.</summary>
public static class NormalizeCommand
{
    /// <summary>Runs the command; returns the process exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        var a = Arguments.Parse(args);
        var spec = a.Required("--spec");
        var options = new NormalizeOptions { SourceName = Path.GetFullPath(spec) };
        foreach (var union in a.All("--union"))
        {
            var eq = union.IndexOf('=');
            if (eq <= 0)
            {
                throw new ArgumentException($"--union expects Name=Schema.property[,Schema.property], got '{union}'");
            }

            options.Unions[union.Substring(0, eq)] = union.Substring(eq + 1).Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).ToList();
        }

        foreach (var members in a.All("--union-members"))
        {
            var eq = members.IndexOf('=');
            if (eq <= 0)
            {
                throw new ArgumentException($"--union-members expects Name=Member=shape, Member=shape (e.g. \"StopSequences=String=string, List=string[]\"), got '{members}'");
            }

            var names = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in members.Substring(eq + 1).Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()).Where(p => p.Length > 0))
            {
                var split = pair.IndexOf('=');
                if (split <= 0)
                {
                    throw new ArgumentException($"--union-members expects Member=shape pairs, got '{pair}' in '{members}'");
                }

                names[pair.Substring(split + 1).Trim()] = pair.Substring(0, split).Trim();
            }

            options.UnionVariantNames[members.Substring(0, eq)] = names;
        }

        foreach (var stream in a.All("--stream"))
        {
            var eq = stream.IndexOf('=');
            if (eq <= 0 || eq == stream.Length - 1)
            {
                throw new ArgumentException($"--stream expects operationId=EventSchema (e.g. \"createChatCompletion=CreateChatCompletionStreamResponse\"), got '{stream}'");
            }

            options.Streams[stream.Substring(0, eq).Trim()] = stream.Substring(eq + 1).Trim();
        }

        foreach (var reserved in a.All("--reserved"))
        {
            options.ReservedTypeNames.Add(reserved.Trim());
        }

        var source = YamlLoader.LoadFile(spec);
        var (openApi, infoVersion) = ((string?)source["openapi"], (string?)source["info"]?["version"]);
        var result = new SpecNormalizer(options).Normalize(source);
        foreach (var note in result.Notes)
        {
            stdout.WriteLine($"{options.SourceName}: note: {note}");
        }

        foreach (var warning in result.Warnings)
        {
            stdout.WriteLine($"{options.SourceName}: warning {warning}");
        }

        WriteIfChanged(a.Required("--out"), Serialize(result.Document));
        WriteIfChanged(a.Required("--enums"), EnumCodeWriter.Write(result.Enums, a.Optional("--namespace") ?? "OpenAI.Gen"));
        if (a.Optional("--known-values") is { } knownValuesPath)
        {
            var schemaNames = new HashSet<string>(((JObject)result.Document["components"]!["schemas"]!).Properties().Select(p => p.Name), StringComparer.Ordinal);
            WriteIfChanged(knownValuesPath, KnownValuesCodeWriter.Write(KnownValuesCodeWriter.WithInherited(result.KnownValues, result.Document), schemaNames, a.Optional("--namespace") ?? "OpenAI.Gen"));
        }

        if (a.Optional("--unions") is { } unionsPath)
        {
            WriteIfChanged(unionsPath, UnionCodeWriter.Write(result.Unions.Values, a.Optional("--namespace") ?? "OpenAI.Gen"));
        }

        if (a.Optional("--union-tags") is { } unionTagsPath)
        {
            WriteIfChanged(unionTagsPath, UnionTagCodeWriter.Write(result.Document, a.Optional("--namespace") ?? "OpenAI.Gen"));
        }

        if (a.Optional("--constructors") is { } constructorsPath)
        {
            WriteIfChanged(constructorsPath, SingleValueCodeWriter.Write(result.Document, a.Optional("--namespace") ?? "OpenAI.Gen"));
        }

        if (a.Optional("--summary") is { } summaryPath)
        {
            WriteIfChanged(summaryPath, Serialize(SpecSummary.Of(result, openApi, infoVersion)));
        }

        if (result.TaggedUnions.Count > 0)
        {
            // The library's own inheritance converter keeps unknown tags (NJsonSchema's maps them to the base type).
            result.ExcludedTypeNames.Add("JsonInheritanceConverter");
            result.ExcludedTypeNames.Add("JsonInheritanceAttribute");
        }

        WriteIfChanged(a.Required("--nswag-out"), Serialize(NSwagConfig(a.Required("--nswag-config"), result.ExcludedTypeNames)));
        stdout.WriteLine($"normalized {spec}: {result.Document["components"]!["schemas"]!.Count()} schemas, {result.Enums.Count} open enums, {result.TaggedUnions.Count} tagged unions, {result.Unions.Count} typed untagged unions, {result.RawUnions.Count} raw-JSON unions, {result.ExcludedTypeNames.Count} hand-written or open types, {result.Warnings.Count} warnings");
        return 0;
    }

    // The committed nswag.json holds every setting; only the type names the library writes itself are added here,
    // because they follow from the spec.
    private static JObject NSwagConfig(string path, IEnumerable<string> excluded)
    {
        var config = JObject.Parse(File.ReadAllText(path));
        var generator = config["codeGenerators"]?["openApiToCSharpClient"] as JObject
            ?? throw new ArgumentException($"{path} has no codeGenerators.openApiToCSharpClient");
        var names = (generator["excludedTypeNames"] as JArray ?? new JArray()).Select(t => (string)t!).Concat(excluded)
            .Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal);
        generator["excludedTypeNames"] = new JArray(names);
        return config;
    }

    /// <summary>Deterministic JSON text of a document.</summary>
    public static string Serialize(JToken document)
    {
        var sb = new StringBuilder();
        using (var sw = new StringWriter(sb) { NewLine = "\n" })
        using (var writer = new JsonTextWriter(sw) { Formatting = Formatting.Indented })
        {
            document.WriteTo(writer);
        }

        return sb.Append('\n').ToString();
    }

    /// <summary>Writes <paramref name="content"/> unless the file already holds it, so MSBuild sees no new input.</summary>
    internal static void WriteIfChanged(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (File.Exists(path) && File.ReadAllText(path) == content)
        {
            return;
        }

        File.WriteAllText(path, content, new UTF8Encoding(false));
    }
}
