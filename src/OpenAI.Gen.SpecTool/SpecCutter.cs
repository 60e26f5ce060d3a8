using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

/// <summary>
/// Cuts a full upstream OpenAI spec down to the operations the library ships: those operations whole (with their
/// <c>x-oaiMeta</c>), every component they reference transitively, the objects their <c>x-oaiMeta</c> group
/// documents with them (the streaming chunk schema is only named there in older specs), the security schemes,
/// and the document's metadata. Everything else is dropped. The output keeps the source order, so the same
/// input gives the same document.
/// </summary>
public sealed class SpecCutter
{
    private const string ComponentsPrefix = "#/components/";
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    // Keywords whose values are data, not schemas: a "$ref" key inside them is not a reference.
    private static readonly HashSet<string> DataKeywords = new(StringComparer.Ordinal) { "example", "enum", "const", "default" };

    // Keywords whose values map names (which may be "example" or "x-…") to schemas.
    private static readonly HashSet<string> NameMaps = new(StringComparer.Ordinal) { "properties", "patternProperties", "$defs", "definitions" };

    private readonly CutOptions _options;

    /// <summary>Creates a cutter.</summary>
    public SpecCutter(CutOptions options)
    {
        _options = options;
    }

    /// <summary>Returns the cut document; <paramref name="upstream"/> is not changed.</summary>
    public CutResult Cut(JObject upstream)
    {
        var paths = upstream["paths"] as JObject ?? throw Error(upstream, "the spec has no paths");
        var chosen = ChooseOperations(upstream, paths);
        var keptPaths = new JObject();
        foreach (var path in paths.Properties())
        {
            var methods = chosen.Where(c => c.Path == path.Name).Select(c => c.Method).ToList();
            if (methods.Count == 0)
            {
                continue;
            }

            var item = new JObject();
            foreach (var p in ((JObject)path.Value).Properties().Where(p => !Methods.Contains(p.Name) || methods.Contains(p.Name)))
            {
                item.Add(p.Name, p.Value.DeepClone());
            }

            keptPaths.Add(path.Name, item);
        }

        var kept = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var pending = new Queue<JToken>(keptPaths.Properties().Select(p => p.Value));
        foreach (var schema in DocumentedObjects(upstream, chosen))
        {
            Keep(upstream, kept, pending, "schemas", schema);
        }

        while (pending.Count > 0)
        {
            foreach (var reference in References(pending.Dequeue(), false))
            {
                var (section, name) = Resolve(upstream, reference);
                Keep(upstream, kept, pending, section, name);
            }
        }

        var doc = new JObject();
        foreach (var top in upstream.Properties())
        {
            switch (top.Name)
            {
                case "paths":
                    doc.Add("paths", keptPaths);
                    break;
                case "tags":
                    var used = new HashSet<string>(chosen.SelectMany(c => c.Tags), StringComparer.Ordinal);
                    doc.Add("tags", new JArray(((top.Value as JArray) ?? new JArray()).Where(t => used.Contains((string?)t["name"] ?? string.Empty)).Select(t => t.DeepClone())));
                    break;
                case "components":
                    doc.Add("components", Components((JObject)top.Value, kept));
                    break;
                case "openapi" or "info" or "servers" or "security" or "externalDocs" or "jsonSchemaDialect":
                case var name when name.StartsWith("x-", StringComparison.Ordinal):
                    doc.Add(top.Name, top.Value.DeepClone());
                    break;
            }
        }

        return new CutResult(doc, chosen.Select(c => c.Method.ToUpperInvariant() + " " + c.Path).ToList());
    }

    private sealed record Chosen(string Method, string Path, string? OperationId, IReadOnlyList<string> Tags);

    private List<Chosen> ChooseOperations(JObject upstream, JObject paths)
    {
        var all = paths.Properties()
            .SelectMany(path => ((path.Value as JObject)?.Properties() ?? Enumerable.Empty<JProperty>())
                .Where(m => Methods.Contains(m.Name) && m.Value is JObject)
                .Select(m => (Path: path.Name, Method: m.Name, Operation: (JObject)m.Value)))
            .ToList();
        if (_options.All)
        {
            return all.Select(a => new Chosen(a.Method, a.Path, (string?)a.Operation["operationId"], TagsOf(a.Operation))).ToList();
        }

        IEnumerable<string> operations = _options.Operations.Count == 0 && _options.Tags.Count == 0 ? CutOptions.DefaultOperations : _options.Operations;
        var wanted = new HashSet<(string, string)>();
        foreach (var op in operations)
        {
            var parts = op.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !Methods.Contains(parts[0].ToLowerInvariant()))
            {
                throw new ArgumentException($"--operation expects \"METHOD /path\" (e.g. \"POST /chat/completions\"), got '{op}'");
            }

            var key = (parts[0].ToLowerInvariant(), parts[1].Trim());
            if (!all.Any(a => (a.Method, a.Path) == key))
            {
                throw Error(paths, $"the operation '{op}' is not in the spec");
            }

            wanted.Add(key);
        }

        foreach (var tag in _options.Tags)
        {
            var tagged = all.Where(a => TagsOf(a.Operation).Contains(tag)).ToList();
            if (tagged.Count == 0)
            {
                throw Error(upstream["tags"] ?? paths, $"no operation has the tag '{tag}'");
            }

            wanted.UnionWith(tagged.Select(a => (a.Method, a.Path)));
        }

        return all.Where(a => wanted.Contains((a.Method, a.Path)))
            .Select(a => new Chosen(a.Method, a.Path, (string?)a.Operation["operationId"], TagsOf(a.Operation)))
            .ToList();
    }

    private static IReadOnlyList<string> TagsOf(JObject operation) =>
        (operation["tags"] as JArray)?.Select(t => (string?)t).OfType<string>().ToList() ?? new List<string>();

    // The schemas an x-oaiMeta group lists as objects next to a kept operation (e.g. the streaming chunk).
    private static IEnumerable<string> DocumentedObjects(JObject upstream, IReadOnlyList<Chosen> chosen)
    {
        var ids = new HashSet<string>(chosen.Select(c => c.OperationId).OfType<string>(), StringComparer.Ordinal);
        var schemas = upstream["components"]?["schemas"] as JObject;
        var groups = (upstream["x-oaiMeta"]?["groups"] as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>();
        foreach (var sections in groups.Select(g => (g["sections"] as JArray)?.OfType<JObject>().ToList()).OfType<List<JObject>>())
        {
            if (!sections.Any(s => (string?)s["type"] == "endpoint" && ids.Contains((string?)s["key"] ?? string.Empty)))
            {
                continue;
            }

            foreach (var key in sections.Where(s => (string?)s["type"] == "object").Select(s => (string?)s["key"]).OfType<string>())
            {
                if (schemas?[key] != null)
                {
                    yield return key;
                }
            }
        }
    }

    private static void Keep(JObject upstream, Dictionary<string, HashSet<string>> kept, Queue<JToken> pending, string section, string name)
    {
        if (!kept.TryGetValue(section, out var names))
        {
            kept[section] = names = new HashSet<string>(StringComparer.Ordinal);
        }

        if (names.Add(name))
        {
            pending.Enqueue(upstream["components"]![section]![name]!);
        }
    }

    /// <summary>The references in <paramref name="token"/>: every <c>$ref</c> and discriminator mapping, not those in data or extensions.</summary>
    private static IEnumerable<JValue> References(JToken token, bool namesMap)
    {
        if (token is JArray array)
        {
            return array.SelectMany(item => References(item, false));
        }

        if (token is not JObject obj)
        {
            return Enumerable.Empty<JValue>();
        }

        var found = new List<JValue>();
        foreach (var p in obj.Properties())
        {
            if (namesMap)
            {
                found.AddRange(References(p.Value, false));
            }
            else if (p.Name == "$ref" && p.Value is JValue { Type: JTokenType.String } r)
            {
                found.Add(r);
            }
            else if (p.Name == "mapping" && obj.Parent is JProperty { Name: "discriminator" } && p.Value is JObject mapping)
            {
                found.AddRange(mapping.Properties().Select(m => m.Value).OfType<JValue>().Where(v => ((string?)v)?.StartsWith("#/", StringComparison.Ordinal) == true));
            }
            else if (!p.Name.StartsWith("x-", StringComparison.Ordinal) && !DataKeywords.Contains(p.Name) && !(p.Name == "examples" && p.Value is JArray))
            {
                found.AddRange(References(p.Value, NameMaps.Contains(p.Name)));
            }
        }

        return found;
    }

    private (string Section, string Name) Resolve(JObject upstream, JValue reference)
    {
        var target = (string)reference!;
        if (!target.StartsWith(ComponentsPrefix, StringComparison.Ordinal))
        {
            throw Error(reference, $"'{target}' at {reference.Path}: only references into #/components/ are supported");
        }

        var segments = target.Substring(2).Split('/').Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToList();
        JToken? node = upstream;
        foreach (var segment in segments)
        {
            node = node is JArray a && int.TryParse(segment, out var i) && i >= 0 && i < a.Count ? a[i] : (node as JObject)?[segment];
            if (node == null)
            {
                break;
            }
        }

        if (node == null || segments.Count < 3)
        {
            throw Error(reference, $"'{target}' at {reference.Path} refers to something the spec does not define");
        }

        return (segments[1], segments[2]);
    }

    private static JObject Components(JObject components, Dictionary<string, HashSet<string>> kept)
    {
        var result = new JObject();
        foreach (var section in components.Properties())
        {
            if (section.Name == "securitySchemes" || section.Name.StartsWith("x-", StringComparison.Ordinal))
            {
                result.Add(section.Name, section.Value.DeepClone());
            }
            else if (kept.TryGetValue(section.Name, out var names) && section.Value is JObject map)
            {
                result.Add(section.Name, new JObject(map.Properties().Where(p => names.Contains(p.Name)).Select(p => new JProperty(p.Name, p.Value.DeepClone()))));
            }
        }

        return result;
    }

    private SpecException Error(JToken at, string reason)
    {
        var loc = YamlLoader.Locate(at);
        return new SpecException(_options.SourceName, loc.Line, loc.Column, reason);
    }
}
