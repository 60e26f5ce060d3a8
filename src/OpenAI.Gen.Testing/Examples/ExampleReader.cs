using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>Finds every <c>x-oaiMeta</c> example of a spec: operation examples first (spec order), then object examples.</summary>
internal sealed class ExampleReader
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly string _sourceName;
    private readonly string[] _lines;
    private readonly List<string> _notes;
    private readonly HashSet<string> _names = new();

    private ExampleReader(string sourceName, string[] lines, List<string> notes)
    {
        _sourceName = sourceName;
        _lines = lines;
        _notes = notes;
    }

    public static List<SpecExample> Read(JObject root, string sourceName, string[] lines, List<string> notes)
    {
        var reader = new ExampleReader(sourceName, lines, notes);
        var examples = new List<SpecExample>();
        if (root["paths"] is JObject paths)
        {
            foreach (var path in paths.Properties())
            {
                foreach (var method in Methods)
                {
                    if (path.Value[method] is JObject operation && operation["x-oaiMeta"] is JObject meta)
                    {
                        reader.ReadOperation(examples, path.Name, method, operation, meta);
                    }
                }
            }
        }

        if (root["components"]?["schemas"] is JObject schemas)
        {
            foreach (var schema in schemas.Properties())
            {
                if (schema.Value["x-oaiMeta"] is JObject meta && meta.ContainsKey("example"))
                {
                    var example = new SpecExample(schema.Name, reader.UniqueTitle(schema.Name, (string?)meta["name"] ?? "example"), null, null);
                    example.Add(reader.Part(example, ExamplePartKind.Object, meta["example"], meta, schema.Name));
                    examples.Add(example);
                }
            }
        }

        if (examples.Count == 0)
        {
            notes.Add($"{sourceName} has no x-oaiMeta examples (neither operation examples nor components.schemas.*.x-oaiMeta.example): nothing to validate");
        }

        return examples;
    }

    private void ReadOperation(List<SpecExample> examples, string path, string method, JObject operation, JObject meta)
    {
        var operationName = (string?)operation["operationId"] ?? $"{method.ToUpperInvariant()} {path}";
        var items = meta["examples"] switch
        {
            JArray array => array.ToList(),
            JObject single => new List<JToken> { single },
            null => new List<JToken>(),
            var other => new List<JToken> { other },
        };

        // A request example sent as a multipart form (an upload, curl -F) is checked against the form schema.
        var requestContent = operation["requestBody"]?["content"];
        var formSchema = SchemaName(requestContent?["multipart/form-data"]?["schema"]);
        var requestSchema = SchemaName(requestContent?["application/json"]?["schema"]);
        var hasBody = operation["requestBody"] != null;
        var answer = SuccessResponse(operation)?["content"] as JObject;
        var responseSchema = SchemaName(answer?["application/json"]?["schema"]);
        var streamSchema = SchemaName(answer?["text/event-stream"]?["schema"]);
        var answerMediaType = answer?.Properties().Select(p => p.Name).FirstOrDefault(m => m != "text/event-stream");
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JObject item)
            {
                _notes.Add($"{_sourceName}:{Line(items[i])}: {operationName} example {i + 1} is not a mapping; it holds no request or response to check");
                continue;
            }

            var example = new SpecExample(operationName, UniqueTitle(operationName, (string?)item["title"] ?? $"Example {i + 1}"), method, path, answerMediaType, streamSchema, formSchema);
            if (hasBody)
            {
                example.Add(Part(example, ExamplePartKind.Request, item["request"]?["curl"], item, requestSchema));
            }

            example.Add(Part(example, ExamplePartKind.Response, item["response"], item, responseSchema));
            examples.Add(example);
        }
    }

    private ExamplePart Part(SpecExample example, ExamplePartKind kind, JToken? node, JToken parent, string? schemaName)
    {
        if (node == null || node.Type == JTokenType.Null)
        {
            var origin = TextOrigin.ForScalar(_sourceName, _lines, Pointer(parent), Line(parent), string.Empty);
            return new ExamplePart(example, kind, null, schemaName, origin);
        }

        var text = node.Type == JTokenType.String ? (string)node! : node.ToString(Formatting.Indented);
        return new ExamplePart(example, kind, text, schemaName, TextOrigin.ForScalar(_sourceName, _lines, Pointer(node), Line(node), text));
    }

    private string UniqueTitle(string operation, string title)
    {
        var unique = title;
        for (var n = 2; !_names.Add(operation + " / " + unique); n++)
        {
            unique = $"{title} ({n})";
        }

        return unique;
    }

    private static JToken? SuccessResponse(JObject operation) =>
        (operation["responses"] as JObject)?.Properties().FirstOrDefault(p => p.Name.StartsWith("2", System.StringComparison.Ordinal))?.Value;

    private static string? SchemaName(JToken? schema)
    {
        var reference = (string?)schema?["$ref"];
        const string prefix = "#/components/schemas/";
        return reference != null && reference.StartsWith(prefix, System.StringComparison.Ordinal) ? reference.Substring(prefix.Length) : null;
    }

    private static int Line(JToken token)
    {
        for (var t = token; t != null; t = t.Parent)
        {
            if (SpecYaml.Info(t) is { } info)
            {
                return info.Line;
            }
        }

        return 0;
    }

    private static string Pointer(JToken token)
    {
        var segments = new List<string>();
        for (JToken? current = token; current?.Parent != null;)
        {
            switch (current.Parent)
            {
                case JProperty property:
                    segments.Add(property.Name.Replace("~", "~0").Replace("/", "~1"));
                    current = property.Parent;
                    break;
                case JArray array:
                    segments.Add(array.IndexOf(current).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    current = array;
                    break;
                default:
                    current = current.Parent;
                    break;
            }
        }

        segments.Reverse();
        return "/" + string.Join("/", segments);
    }
}
