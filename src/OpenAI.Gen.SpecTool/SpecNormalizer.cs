using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

/// <summary>
/// Reshapes an OpenAI OpenAPI document (3.0 or 3.1) into the subset NSwag generates well:
/// 3.1 nullability and <c>const</c> become 3.0 <c>nullable</c> and <c>enum</c>; unions of one member and schemas
/// that only rename another disappear; unions tagged by a property become discriminator + allOf with an open
/// "unknown" variant (unions that share variants become one base type); other unions of strings become strings, and
/// the other untagged unions generated union types (strings, numbers, objects told apart by a one-valued property or
/// their required members, arrays of these); string enums become open types; inline objects and enums get names from
/// where they stand; integers that hold a Unix time become int64; a union that cannot be typed becomes raw JSON with a
/// warning. Same
/// input, same output: nothing depends on dictionary order or time.
/// </summary>
public sealed partial class SpecNormalizer
{
    private const string SchemaPrefix = SchemaReferences.Prefix;

    private readonly NormalizeOptions _options;
    private readonly Dictionary<string, string> _unionByLocation = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedUnionLocations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _knownValuesByName = new(StringComparer.Ordinal);
    private JObject _doc = new();
    private JObject _schemas = new();
    private NormalizeResult _result = null!;

    /// <summary>Creates a normalizer.</summary>
    public SpecNormalizer(NormalizeOptions options)
    {
        _options = options;
    }

    /// <summary>Normalizes a copy of <paramref name="spec"/>.</summary>
    public NormalizeResult Normalize(JObject spec)
    {
        var doc = (JObject)spec.DeepClone();
        _doc = doc;
        _result = new NormalizeResult(doc);
        _unionByLocation.Clear();
        _usedUnionLocations.Clear();
        _knownValuesByName.Clear();
        _hoistedVariants.Clear();
        foreach (var union in _options.Unions)
        {
            foreach (var location in union.Value)
            {
                _unionByLocation[location] = union.Key;
            }
        }

        CheckReferences(doc);
        _schemas = doc["components"]?["schemas"] as JObject
                   ?? throw Error(doc, "the spec has no components.schemas");

        RenameToIdentifiers();
        var is31 = (string?)doc["openapi"] is { } version && version.StartsWith("3.1", StringComparison.Ordinal);
        SchemaWalker.VisitAll(doc, Downgrade);
        SchemaWalker.VisitAll(doc, WidenUnixTimes);
        SchemaWalker.VisitAll(doc, NullableScalarItems);
        if (is31)
        {
            doc["openapi"] = "3.0.3";
            doc.Remove("webhooks");
            doc.Remove("jsonSchemaDialect");
        }

        RemoveAliases();
        FollowConfiguredUnions();

        // Unions first, so that their variants are known (and still hold their tag enums) before members are processed.
        ReshapeNamedUnions();
        ReshapeInlineTaggedUnions();

        foreach (var name in SchemaNames())
        {
            if (_schemas[name] is JObject schema)
            {
                ProcessNamed(name, schema);
            }
        }

        foreach (var (operationId, operation) in Operations(doc))
        {
            foreach (var holder in BodySchemaHolders(operation))
            {
                holder.Value = Process((JObject)holder.Value, Naming.Pascal(operationId), "body", false);
            }
        }

        ProcessParameters(doc);
        AnnotateOperations(doc);

        foreach (var location in _unionByLocation.Keys.Where(l => !_usedUnionLocations.Contains(l)).OrderBy(l => l, StringComparer.Ordinal))
        {
            _result.Warnings.Add($"OAIGEN010: the union name '{_unionByLocation[location]}' is configured for '{location}', which is not a union in this spec; the name is unused.");
        }

        SortSchemas();
        return _result;
    }

    // A schema name that is no C# identifier ("ConversationParam-2") gets the type name it will have ("ConversationParam2"),
    // so that every generated reference to it (unions, streams, pages) agrees with the class NSwag generates; one that a
    // hand-written type of the library holds (OpenAIFile, the upload) gets "Object" after it.
    private void RenameToIdentifiers()
    {
        foreach (var name in SchemaNames().Where(n => _options.ReservedTypeNames.Contains(n) || (Naming.Pascal(n) != n && n.Any(c => !char.IsLetterOrDigit(c) && c != '_'))))
        {
            var renamed = Unique(_options.ReservedTypeNames.Contains(name) ? name + "Object" : Naming.Pascal(name));
            var schema = _schemas[name]!;
            _schemas.Remove(name);
            _schemas[renamed] = schema;
            SchemaReferences.Retarget(_doc, name, renamed);
            _result.Notes.Add($"the schema '{name}' is named '{renamed}': its name is not a C# identifier, or a hand-written type has it.");
        }
    }

    private List<string> SchemaNames() => _schemas.Properties().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();

    private SpecException Error(JToken at, string reason)
    {
        var loc = YamlLoader.Locate(at);
        return new SpecException(_options.SourceName, loc.Line, loc.Column, reason);
    }

    private void CheckReferences(JObject doc)
    {
        var schemas = doc["components"]?["schemas"] as JObject;
        foreach (var token in doc.Descendants().OfType<JProperty>().Where(p => p.Name == "$ref").ToList())
        {
            var target = (string?)token.Value ?? string.Empty;
            if (!target.StartsWith("#/", StringComparison.Ordinal))
            {
                throw Error(token, $"external reference '{target}' at {token.Path} is not supported");
            }

            if (target.StartsWith(SchemaPrefix, StringComparison.Ordinal) && target.IndexOf('/', SchemaPrefix.Length) < 0)
            {
                var name = target.Substring(SchemaPrefix.Length);
                if (schemas?[name] == null)
                {
                    throw Error(token, $"'{target}' at {token.Path} refers to a schema the spec does not define: {name}");
                }
            }
            else if (Pointer(doc, target) is not { } resolved)
            {
                throw Error(token, $"'{target}' at {token.Path} does not resolve");
            }
            else if (target.StartsWith(SchemaPrefix, StringComparison.Ordinal) && token.Parent is JObject { Count: 1 } reference)
            {
                // A pointer into a schema (e.g. its description, reused by another member) is not a schema of its own:
                // the value it points to takes its place.
                reference.Replace(resolved.DeepClone());
            }
        }
    }

    // The value a local JSON pointer ("#/components/schemas/A/description") points to, ~1 and ~0 unescaped; null when none.
    private static JToken? Pointer(JObject doc, string target)
    {
        JToken? at = doc;
        foreach (var segment in target.Substring(2).Split('/'))
        {
            var key = segment.Replace("~1", "/").Replace("~0", "~");
            at = at switch
            {
                JObject o => o[key],
                JArray a when int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
            if (at == null)
            {
                return null;
            }
        }

        return at;
    }

    private static JObject Placeholder(JObject schema, string marker)
    {
        var placeholder = new JObject { ["type"] = "object", [marker] = true };
        if (schema["description"] != null)
        {
            placeholder["description"] = schema["description"];
        }

        return placeholder;
    }

    private static JObject Reference(string name, JObject original)
    {
        var reference = new JObject { ["$ref"] = SchemaPrefix + name };
        var keep = new[] { "description", "nullable", "deprecated" }.Where(k => original[k] != null).ToList();
        if (keep.Count == 0)
        {
            return reference;
        }

        var wrapper = new JObject { ["allOf"] = new JArray(reference) };
        foreach (var k in keep)
        {
            wrapper[k] = original[k];
        }

        return wrapper;
    }

    private string Unique(string name)
    {
        var candidate = name;
        for (var i = 2; _schemas.ContainsKey(candidate); i++)
        {
            candidate = name + i;
        }

        return candidate;
    }

    private static IEnumerable<(string OperationId, JObject Operation)> Operations(JObject doc) =>
        (doc["paths"] as JObject)?.Properties()
            .SelectMany(path => (path.Value as JObject)?.Properties().Select(op => op.Value).OfType<JObject>() ?? Enumerable.Empty<JObject>())
            .Where(op => op["operationId"] != null)
            .Select(op => ((string)op["operationId"]!, op))
            .ToList()
        ?? new List<(string, JObject)>();

    private static IEnumerable<JProperty> BodySchemaHolders(JToken operation)
    {
        var holders = new List<JToken?> { operation["requestBody"] };
        if (operation["responses"] is JObject responses)
        {
            holders.AddRange(responses.Properties().Select(r => r.Value));
        }

        return holders.Select(h => h?["content"]).OfType<JObject>()
            .SelectMany(c => c.Properties().Select(m => m.Value["schema"]?.Parent).OfType<JProperty>())
            .Where(p => p.Value is JObject o && o["$ref"] == null)
            .ToList();
    }

    private void SortSchemas()
    {
        var sorted = new JObject(_schemas.Properties().OrderBy(p => p.Name, StringComparer.Ordinal));
        _schemas.Replace(sorted);
    }
}
