using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

// Pass 3: untagged unions: unions of strings become strings, the others generated union types (Unions.g.cs), named
// from where they stand or from the configured name map; a union that cannot be typed becomes raw JSON with a warning.
public sealed partial class SpecNormalizer
{
    // A configured property that refers to a named union (3.1 specs name the 'stop' union StopConfiguration) gives
    // that named union the configured name; a configured location the spec does not have is reported.
    private void FollowConfiguredUnions()
    {
        foreach (var location in _unionByLocation.Keys.OrderBy(l => l, StringComparer.Ordinal).ToList())
        {
            var union = _unionByLocation[location];
            var node = Find(location);
            if (node == null)
            {
                _usedUnionLocations.Add(location);
                _result.Warnings.Add($"OAIGEN011: the union name '{union}' is configured for '{location}', which this spec does not define (removed or renamed?); the name is unused. Fix the OpenAIGenUnion item in OpenAI.Gen.Generation.targets.");
                continue;
            }

            if (Branches(node) != null || SchemaReferences.Target(node) is not { } named || _schemas[named] is not JObject target || Branches(target) == null)
            {
                continue;
            }

            _usedUnionLocations.Add(location);
            if (_unionByLocation.TryGetValue(named, out var other) && other != union)
            {
                _result.Warnings.Add($"OAIGEN012: '{location}' refers to the union '{named}', which is configured as '{other}'; the name '{union}' is unused there.");
                continue;
            }

            _unionByLocation[named] = union;
            if (named != union)
            {
                _result.Notes.Add($"'{location}' refers to the union '{named}', which is named '{union}'.");
            }
        }
    }

    private JObject? Find(string location)
    {
        var dot = location.IndexOf('.');
        if (dot < 0)
        {
            return _schemas[location] as JObject;
        }

        var owner = _schemas[location.Substring(0, dot)] as JObject;
        var property = location.Substring(dot + 1);
        var holders = new[] { owner }.Concat((owner?["allOf"] as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>());
        return holders.Select(h => h?["properties"]?[property]).OfType<JObject>().FirstOrDefault();
    }

    private static JArray? Branches(JObject s) => s["oneOf"] as JArray ?? s["anyOf"] as JArray;

    // A oneOf/anyOf whose members only say which of the object's own members must be there ("required", "not") is a
    // constraint on that object, not a union of types (2026's CreateVectorStoreFileBatchRequest: file_ids or files): the
    // object is typed by its members. Returns whether the schema is still a union.
    private bool IsUnionAfterPresenceConstraints(JObject s, string location)
    {
        var key = s["oneOf"] is JArray ? "oneOf" : "anyOf";
        if (s["properties"] is not JObject || s[key] is not JArray { Count: > 0 } branches
            || !branches.All(b => b is JObject o && o.Properties().All(p => p.Name is "required" or "not" or "description" or "title" || p.Name.StartsWith("x-", StringComparison.Ordinal))))
        {
            return Branches(s) != null;
        }

        s.Remove(key);
        _result.Notes.Add($"the {key} at '{location}' only says which of its members must be present: it is an object of those members.");
        return Branches(s) != null;
    }

    private void ReshapeNamedUnions()
    {
        var unions = SchemaNames().Where(n => _schemas[n] is JObject s && IsUnionAfterPresenceConstraints(s, n)).ToList();
        var candidates = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var name in unions.Where(n => !_unionByLocation.ContainsKey(n)))
        {
            if (PlainVariants(Branches((JObject)_schemas[name]!)!) is { } variants)
            {
                candidates[name] = variants;
            }
        }

        var tagged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var family in UnionFamilies.Group(candidates))
        {
            if (TryTaggedFamily(family, candidates))
            {
                tagged.UnionWith(family);
            }
        }

        foreach (var name in unions.Where(n => !tagged.Contains(n)))
        {
            var schema = (JObject)_schemas[name]!;
            var configured = _unionByLocation.TryGetValue(name, out var typeName);
            if (configured)
            {
                _usedUnionLocations.Add(name);
            }

            if (TryStringWithKnownValues(schema, name, out var replacement, out var known))
            {
                _schemas[name] = replacement;
                if (known != null)
                {
                    _knownValuesByName[name] = known;
                }
            }
            else if (TypeUnion(schema, name, typeName ?? name, name) is { } union)
            {
                _schemas[union] = Placeholder(schema, "x-oaiGen-union");
                if (union != name)
                {
                    SchemaReferences.Retarget(_doc, name, union);
                    _schemas.Remove(name);
                }
            }
            else
            {
                MakeRawNamed(name, schema);
            }
        }
    }

    // A union of strings: "any string, with well-known values" (model) becomes a string; a union of string enums
    // becomes one enum. Members may be references to named string schemas (3.1: anyOf [string, $ref ChatModel]).
    private bool TryStringWithKnownValues(JObject schema, string location, out JObject replacement, out IReadOnlyList<string>? known)
    {
        replacement = schema;
        known = null;
        if (StringBranches(schema) is not { } branches)
        {
            return false;
        }

        var values = branches.Where(b => b["enum"] is JArray).SelectMany(b => b["enum"]!.Where(v => v.Type == JTokenType.String).Select(v => (string)v!)).Distinct().ToList();
        replacement = new JObject { ["type"] = "string" };
        foreach (var key in new[] { "description", "nullable", "deprecated", "example" })
        {
            if (schema[key] != null)
            {
                replacement[key] = schema[key];
            }
        }

        if (branches.All(b => b["enum"] is JArray))
        {
            replacement["enum"] = new JArray(values);
            return true;
        }

        known = values;
        _result.KnownValues[location] = values;
        return true;
    }

    private bool IsStringUnion(JObject schema) => StringBranches(schema) != null;

    // The members of a union whose every member is a string (references to named string schemas followed), or null.
    private List<JObject>? StringBranches(JObject schema)
    {
        // A named string enum already made an open enum (the members pass runs in name order) is its values again.
        var branches = Branches(schema)!.OfType<JObject>()
            .Select(b => SchemaReferences.Target(b) is { } t && _schemas[t] is JObject named && Branches(named) == null
                ? named["x-oaiGen-enum"] is JArray values ? new JObject { ["type"] = "string", ["enum"] = values.DeepClone() } : named
                : b)
            .ToList();
        return branches.Count > 0 && branches.All(b => (string?)b["type"] == "string" && b["$ref"] == null && b["allOf"] == null) ? branches : null;
    }

    private void MakeRaw(JObject schema, string location)
    {
        _result.Warnings.Add(RawWarning(schema, location));
        foreach (var key in new[] { "oneOf", "anyOf", "type", "x-oaiExpandable", "default", "discriminator" })
        {
            schema.Remove(key);
        }

        schema["x-oaiGen-raw"] = true;
    }

    // A named union that cannot be typed would be generated as an empty class: its references become raw JSON.
    private void MakeRawNamed(string name, JObject schema)
    {
        _result.Warnings.Add(RawWarning(schema, name));
        var raw = new JObject { ["x-oaiGen-raw"] = true };
        foreach (var key in new[] { "description", "nullable", "deprecated" })
        {
            if (schema[key] != null)
            {
                raw[key] = schema[key];
            }
        }

        SchemaReferences.Inline(_doc, name, raw);
        _schemas.Remove(name);
    }

    private string RawWarning(JObject schema, string location)
    {
        _result.RawUnions.Add(location);
        return $"OAIGEN100: the union at '{location}' ({string.Join(" | ", Branches(schema)!.OfType<JObject>().Select(Describe))}) cannot be typed: {_untypedReason}; it is generated as raw JSON (object holding a JToken).";
    }

    private static string Describe(JObject s) =>
        SchemaReferences.Target(s) is { } r ? r
        : (string?)s["type"] == "array" && s["items"] is JObject i ? Describe(i) + "[]"
        : (string?)s["type"] ?? "any";

    private JObject ProcessUnion(JObject s, string owner, string property, bool arrayItem)
    {
        var location = owner + "." + property;
        if (TryStringWithKnownValues(s, location, out var replacement, out _))
        {
            return replacement["enum"] != null ? Process(replacement, owner, property, arrayItem) : replacement;
        }

        var configured = _unionByLocation.TryGetValue(location, out var name);
        if (configured)
        {
            _usedUnionLocations.Add(location);
        }

        name ??= owner + (arrayItem ? Naming.Singular(property) : Naming.Pascal(property));
        if (TypeUnion(s, location, name, property) is { } union)
        {
            if (!_schemas.ContainsKey(union))
            {
                _schemas[union] = Placeholder(s, "x-oaiGen-union");
            }

            return Reference(union, s);
        }

        MakeRaw(s, location);
        return s;
    }
}
