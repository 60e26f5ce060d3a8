using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

/// <summary>
/// Reshapes an OpenAI OpenAPI document (3.0 or 3.1) into the subset NSwag generates well:
/// 3.1 nullability and <c>const</c> become 3.0 <c>nullable</c> and <c>enum</c>; unions tagged by a property become
/// discriminator + allOf with an open "unknown" variant; configured untagged unions become references to
/// hand-written types; string enums become open types; inline objects and enums get names from where they stand.
/// Same input, same output: nothing depends on dictionary order or time.
/// </summary>
public sealed class SpecNormalizer
{
    private const string SchemaPrefix = "#/components/schemas/";
    private static readonly string[] PreferredTags = { "type", "role", "object" };

    private readonly NormalizeOptions _options;
    private readonly Dictionary<string, string> _unionByLocation = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedUnionLocations = new(StringComparer.Ordinal);
    private JObject _schemas = new();
    private NormalizeResult _result = null!;

    /// <summary>Creates a normalizer.</summary>
    public SpecNormalizer(NormalizeOptions options)
    {
        _options = options;
        foreach (var union in options.Unions)
        {
            foreach (var location in union.Value)
            {
                _unionByLocation[location] = union.Key;
            }
        }
    }

    /// <summary>Normalizes a copy of <paramref name="spec"/>.</summary>
    public NormalizeResult Normalize(JObject spec)
    {
        var doc = (JObject)spec.DeepClone();
        _result = new NormalizeResult(doc);
        CheckReferences(doc);
        _schemas = doc["components"]?["schemas"] as JObject
                   ?? throw Error(doc, "the spec has no components.schemas");

        var is31 = (string?)doc["openapi"] is { } version && version.StartsWith("3.1", StringComparison.Ordinal);
        SchemaWalker.VisitAll(doc, Downgrade);
        if (is31)
        {
            doc["openapi"] = "3.0.3";
            doc.Remove("webhooks");
            doc.Remove("jsonSchemaDialect");
        }

        // Top-level unions first, so that their variants are known before properties refer to them.
        foreach (var name in _schemas.Properties().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToList())
        {
            if (_schemas[name] is JObject schema && Branches(schema) != null)
            {
                ReshapeNamedUnion(name, schema);
            }
        }

        foreach (var name in _schemas.Properties().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToList())
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

        foreach (var location in _unionByLocation.Keys.Where(l => !_usedUnionLocations.Contains(l)).OrderBy(l => l, StringComparer.Ordinal))
        {
            _result.Warnings.Add($"OAIGEN010: the hand-written union '{_unionByLocation[location]}' is configured for '{location}', which is not a union in this spec; that hand-written part is unused.");
        }

        SortSchemas();
        return _result;
    }

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

            if (target.StartsWith(SchemaPrefix, StringComparison.Ordinal))
            {
                var name = target.Substring(SchemaPrefix.Length);
                if (schemas?[name] == null)
                {
                    throw Error(token, $"'{target}' at {token.Path} refers to a schema the spec does not define: {name}");
                }
            }
            else if (doc.SelectToken(target.Substring(2).Replace('/', '.')) == null)
            {
                throw Error(token, $"'{target}' at {token.Path} does not resolve");
            }
        }
    }

    // --- 3.1 → 3.0 -------------------------------------------------------------------------------------

    private static void Downgrade(JObject s)
    {
        if (s["type"] is JArray types)
        {
            var names = types.Select(t => (string?)t).ToList();
            var nonNull = names.Where(n => n != "null").ToList();
            s.Remove("type");
            if (names.Contains("null"))
            {
                s["nullable"] = true;
            }

            if (nonNull.Count == 1)
            {
                s["type"] = nonNull[0];
            }
            else if (nonNull.Count > 1)
            {
                s["oneOf"] = new JArray(nonNull.Select(n => new JObject { ["type"] = n }));
            }
        }
        else if ((string?)s["type"] == "null")
        {
            s.Remove("type");
            s["nullable"] = true;
        }

        foreach (var key in new[] { "oneOf", "anyOf" })
        {
            if (s[key] is not JArray list)
            {
                continue;
            }

            var nulls = list.OfType<JObject>().Where(IsNullSchema).ToList();
            if (nulls.Count == 0)
            {
                continue;
            }

            foreach (var n in nulls)
            {
                n.Remove();
            }

            s["nullable"] = true;
            if (list.Count == 1 && list[0] is JObject only)
            {
                s.Remove(key);
                if (only["$ref"] != null)
                {
                    s["allOf"] = new JArray(only);
                }
                else
                {
                    foreach (var p in only.Properties().ToList())
                    {
                        s[p.Name] ??= p.Value;
                    }

                    Downgrade(s);
                }
            }
        }

        if (s["const"] is JToken constant)
        {
            s.Remove("const");
            s["enum"] = new JArray(constant);
        }

        if (s["examples"] is JArray examples)
        {
            s.Remove("examples");
            if (examples.Count > 0 && s["example"] == null)
            {
                s["example"] = examples[0];
            }
        }

        if (s["$ref"] != null && s.Count > 1)
        {
            var reference = new JObject { ["$ref"] = s["$ref"] };
            s.Remove("$ref");
            s["allOf"] = new JArray(reference);
        }

        foreach (var (bound, flag) in new[] { ("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum") })
        {
            if (s[bound] is JValue { Type: JTokenType.Integer or JTokenType.Float } number)
            {
                s[flag] = number;
                s[bound] = true;
            }
        }
    }

    private static bool IsNullSchema(JObject s) =>
        (string?)s["type"] == "null" || (s["type"] is JArray a && a.Count == 1 && (string?)a[0] == "null");

    // --- unions ------------------------------------------------------------------------------------------

    private static JArray? Branches(JObject s) => s["oneOf"] as JArray ?? s["anyOf"] as JArray;

    private void ReshapeNamedUnion(string name, JObject schema)
    {
        if (_unionByLocation.TryGetValue(name, out var union))
        {
            _usedUnionLocations.Add(name);
            ReplaceWithPlaceholder(name, schema, union);
            return;
        }

        if (TryTaggedUnion(name, schema))
        {
            return;
        }

        if (TryStringWithKnownValues(schema, name, out var replacement))
        {
            _schemas[name] = replacement;
            return;
        }

        MakeRaw(schema, name);
    }

    private void ReplaceWithPlaceholder(string location, JObject schema, string union)
    {
        // The named schema itself is the hand-written type: keep its name, drop the union.
        if (!_schemas.ContainsKey(union) || _schemas[union] == schema)
        {
            _schemas[union] = Placeholder(schema, "x-oaiGen-union");
        }

        _result.ExcludedTypeNames.Add(union);
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

    private bool TryTaggedUnion(string baseName, JObject schema)
    {
        var branches = Branches(schema)!;
        var variants = new List<(string Name, JObject Schema)>();
        foreach (var b in branches.OfType<JObject>())
        {
            if ((string?)b["$ref"] is not { } r || !r.StartsWith(SchemaPrefix, StringComparison.Ordinal))
            {
                return false;
            }

            var name = r.Substring(SchemaPrefix.Length);
            if (_schemas[name] is not JObject target || target["properties"] is not JObject || target["allOf"] != null)
            {
                return false;
            }

            variants.Add((name, target));
        }

        if (variants.Count < 2 || variants.Count != branches.Count)
        {
            return false;
        }

        var tag = TagProperty(variants.Select(v => v.Schema).ToList());
        if (tag == null)
        {
            return false;
        }

        var mapping = new JObject();
        foreach (var (name, target) in variants)
        {
            var value = (string)((JArray)target["properties"]![tag]!["enum"]!)[0]!;
            if (mapping.ContainsKey(value))
            {
                return false;
            }

            mapping[value] = SchemaPrefix + name;
        }

        var unknown = baseName + "Unknown";
        mapping["*"] = SchemaPrefix + unknown;
        var baseSchema = new JObject
        {
            ["type"] = "object",
            ["x-abstract"] = true,
            ["discriminator"] = new JObject { ["propertyName"] = tag, ["mapping"] = mapping },
            ["properties"] = new JObject { [tag] = new JObject { ["type"] = "string" } },
            ["required"] = new JArray(tag),
        };
        if (schema["description"] != null)
        {
            baseSchema["description"] = schema["description"];
        }

        _schemas[baseName] = baseSchema;
        foreach (var (name, target) in variants)
        {
            ((JObject)target["properties"]!).Remove(tag);
            if (target["required"] is JArray required)
            {
                foreach (var r in required.Where(r => (string?)r == tag).ToList())
                {
                    r.Remove();
                }
            }

            var own = new JObject();
            foreach (var p in target.Properties().Where(p => p.Name != "description").ToList())
            {
                own[p.Name] = p.Value;
                target.Remove(p.Name);
            }

            target["allOf"] = new JArray(new JObject { ["$ref"] = SchemaPrefix + baseName }, own);
        }

        _schemas[unknown] = new JObject
        {
            ["description"] = $"A {baseName} whose '{tag}' this client does not know; every field is kept as JSON.",
            ["allOf"] = new JArray(new JObject { ["$ref"] = SchemaPrefix + baseName }, new JObject { ["type"] = "object" }),
        };
        _result.TaggedUnions[baseName] = tag;
        return true;
    }

    private static string? TagProperty(IReadOnlyList<JObject> variants)
    {
        var common = ((JObject)variants[0]["properties"]!).Properties().Select(p => p.Name)
            .Where(n => variants.All(v => v["properties"]![n] is JObject p && p["enum"] is JArray { Count: 1 } e && e[0].Type == JTokenType.String))
            .ToList();
        return PreferredTags.FirstOrDefault(common.Contains) ?? common.FirstOrDefault();
    }

    private bool TryStringWithKnownValues(JObject schema, string location, out JObject replacement)
    {
        var branches = Branches(schema)!.OfType<JObject>().ToList();
        replacement = schema;
        if (branches.Count == 0 || !branches.All(b => (string?)b["type"] == "string" && b["$ref"] == null) || !branches.Any(b => b["enum"] == null))
        {
            return false;
        }

        replacement = new JObject { ["type"] = "string" };
        foreach (var key in new[] { "description", "nullable", "deprecated", "example" })
        {
            if (schema[key] != null)
            {
                replacement[key] = schema[key];
            }
        }

        var known = branches.Where(b => b["enum"] is JArray).SelectMany(b => b["enum"]!.Select(v => (string)v!)).Distinct().ToList();
        _result.KnownValues[location] = known;
        return true;
    }

    private void MakeRaw(JObject schema, string location)
    {
        var shapes = string.Join(" | ", Branches(schema)!.OfType<JObject>().Select(Describe));
        foreach (var key in new[] { "oneOf", "anyOf", "type", "x-oaiExpandable", "default" })
        {
            schema.Remove(key);
        }

        schema["x-oaiGen-raw"] = true;
        _result.Warnings.Add($"OAIGEN100: the union at '{location}' ({shapes}) has no hand-written type; it is generated as raw JSON (object holding a JToken). Add a union type to keep it typed.");
    }

    private static string Describe(JObject s) =>
        (string?)s["$ref"] is { } r ? r.Substring(r.LastIndexOf('/') + 1)
        : (string?)s["type"] == "array" && s["items"] is JObject i ? Describe(i) + "[]"
        : (string?)s["type"] ?? "any";

    // --- properties, enums, inline objects ----------------------------------------------------------------

    private void ProcessNamed(string name, JObject schema)
    {
        if (schema["x-oaiGen-union"] != null || schema["x-oaiGen-enum"] != null)
        {
            return;
        }

        if (IsStringEnum(schema))
        {
            _schemas[name] = MakeEnum(name, schema);
            return;
        }

        ProcessMembers(schema, name);
    }

    private void ProcessMembers(JObject schema, string owner)
    {
        if (schema["properties"] is JObject props)
        {
            foreach (var p in props.Properties().ToList())
            {
                if (p.Value is JObject child)
                {
                    p.Value = Process(child, owner, p.Name, false);
                }
            }
        }

        if (schema["allOf"] is JArray all)
        {
            foreach (var member in all.OfType<JObject>().Where(m => m["$ref"] == null))
            {
                ProcessMembers(member, owner);
            }
        }

        if ((string?)schema["type"] == "array" && schema["items"] is JObject items)
        {
            schema["items"] = Process(items, owner, "item", true);
        }

        if (schema["additionalProperties"] is JObject extra)
        {
            schema["additionalProperties"] = Process(extra, owner, "value", false);
        }
    }

    private JObject Process(JObject s, string owner, string property, bool arrayItem)
    {
        var location = owner + "." + property;
        var baseName = owner + (arrayItem ? Naming.Singular(property) : Naming.Pascal(property));
        if (s["$ref"] != null)
        {
            return s;
        }

        if (Branches(s) != null)
        {
            return ProcessUnion(s, location, baseName);
        }

        if (IsStringEnum(s))
        {
            var name = Unique(baseName);
            _schemas[name] = MakeEnum(name, s);
            return Reference(name, s);
        }

        if ((string?)s["type"] == "array" && s["items"] is JObject items)
        {
            s["items"] = Process(items, owner, property, true);
            return s;
        }

        if (s["properties"] is JObject)
        {
            var name = Unique(baseName);
            var hoisted = new JObject(s.Properties().Where(p => p.Name != "nullable"));
            hoisted["type"] ??= "object";
            _schemas[name] = hoisted;
            ProcessMembers(hoisted, name);
            return Reference(name, s);
        }

        if (s["allOf"] is JArray)
        {
            ProcessMembers(s, owner);
        }

        if (s["additionalProperties"] is JObject extra)
        {
            s["additionalProperties"] = Process(extra, owner, property + "_value", false);
        }

        return s;
    }

    private JObject ProcessUnion(JObject s, string location, string baseName)
    {
        if (_unionByLocation.TryGetValue(location, out var union))
        {
            _usedUnionLocations.Add(location);
            if (!_schemas.ContainsKey(union))
            {
                _schemas[union] = Placeholder(s, "x-oaiGen-union");
            }

            _result.ExcludedTypeNames.Add(union);
            return Reference(union, s);
        }

        if (TryStringWithKnownValues(s, location, out var replacement))
        {
            return replacement;
        }

        var name = Unique(baseName);
        if (TryTaggedUnion(name, (JObject)s.DeepClone()))
        {
            return Reference(name, s);
        }

        MakeRaw(s, location);
        return s;
    }

    private static bool IsStringEnum(JObject s) =>
        s["enum"] is JArray values && values.Count > 0 && values.All(v => v.Type is JTokenType.String or JTokenType.Null)
        && ((string?)s["type"] is null or "string");

    private JObject MakeEnum(string name, JObject s)
    {
        var values = ((JArray)s["enum"]!).Where(v => v.Type == JTokenType.String).Select(v => (string)v!).ToList();
        _result.Enums.Add(new ExtensibleEnum(name, values, (string?)s["description"]));
        _result.ExcludedTypeNames.Add(name);
        var placeholder = Placeholder(s, "x-oaiGen-enum");
        placeholder["x-oaiGen-enum"] = new JArray(values);
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
