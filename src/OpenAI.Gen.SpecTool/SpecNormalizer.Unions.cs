using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

// Pass 3: unions configured as hand-written types, unions of strings, and the rest as raw JSON.
public sealed partial class SpecNormalizer
{
    // A configured property that refers to a named union (3.1 specs name the 'stop' union StopConfiguration) makes
    // that named union the hand-written type; a configured location the spec does not have is reported.
    private void FollowConfiguredUnions()
    {
        foreach (var location in _unionByLocation.Keys.OrderBy(l => l, StringComparer.Ordinal).ToList())
        {
            var union = _unionByLocation[location];
            var node = Find(location);
            if (node == null)
            {
                _usedUnionLocations.Add(location);
                _result.Warnings.Add($"OAIGEN011: the hand-written union '{union}' is configured for '{location}', which this spec does not define (removed or renamed?); that hand-written part is unused. Fix the OpenAIGenUnion item in OpenAI.Gen.Generation.targets.");
                continue;
            }

            if (Branches(node) != null || SchemaReferences.Target(node) is not { } named || _schemas[named] is not JObject target || Branches(target) == null)
            {
                continue;
            }

            _usedUnionLocations.Add(location);
            if (_unionByLocation.TryGetValue(named, out var other) && other != union)
            {
                _result.Warnings.Add($"OAIGEN012: '{location}' refers to the union '{named}', which is configured as '{other}'; the hand-written '{union}' is unused there.");
                continue;
            }

            _unionByLocation[named] = union;
            if (named != union)
            {
                _result.Notes.Add($"'{location}' refers to the union '{named}', which becomes the hand-written '{union}'.");
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

    private void CheckShape(string union, string location, JObject schema)
    {
        if (!_options.UnionShapes.TryGetValue(union, out var expected))
        {
            return;
        }

        var actual = Branches(schema)!.OfType<JObject>().Select(Describe).Distinct().ToList();
        var wanted = expected.Split('|').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        var added = actual.Except(wanted).ToList();
        var removed = wanted.Except(actual).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            return;
        }

        var what = string.Join("; ", new[]
        {
            added.Count > 0 ? "new: " + string.Join(", ", added) : null,
            removed.Count > 0 ? "gone: " + string.Join(", ", removed) : null,
        }.OfType<string>());
        _result.Warnings.Add($"OAIGEN013: the hand-written union '{union}' was written for ({string.Join(" | ", wanted)}), but the spec's union at '{location}' is ({string.Join(" | ", actual)}) — {what}. Make {union} read and write the new shapes, then update its Shape in OpenAI.Gen.Generation.targets.");
    }

    private static JArray? Branches(JObject s) => s["oneOf"] as JArray ?? s["anyOf"] as JArray;

    private void ReshapeNamedUnions()
    {
        var unions = SchemaNames().Where(n => _schemas[n] is JObject s && Branches(s) != null).ToList();
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

        foreach (var name in unions.Where(_unionByLocation.ContainsKey))
        {
            _usedUnionLocations.Add(name);
            var union = _unionByLocation[name];
            var schema = (JObject)_schemas[name]!;
            CheckShape(union, name, schema);
            if (union == name || _schemas[union] == null)
            {
                _schemas[union] = Placeholder(schema, "x-oaiGen-union");
            }

            if (union != name)
            {
                SchemaReferences.Retarget(_doc, name, union);
                _schemas.Remove(name);
            }

            _result.ExcludedTypeNames.Add(union);
        }

        foreach (var name in unions.Where(n => !_unionByLocation.ContainsKey(n) && !tagged.Contains(n)))
        {
            var schema = (JObject)_schemas[name]!;
            if (TryStringWithKnownValues(schema, name, out var replacement, out var known))
            {
                _schemas[name] = replacement;
                if (known != null)
                {
                    _knownValuesByName[name] = known;
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
        var branches = Branches(schema)!.OfType<JObject>()
            .Select(b => SchemaReferences.Target(b) is { } t && _schemas[t] is JObject named && Branches(named) == null ? named : b)
            .ToList();
        replacement = schema;
        known = null;
        if (branches.Count == 0 || !branches.All(b => (string?)b["type"] == "string" && b["$ref"] == null && b["allOf"] == null))
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

    private void MakeRaw(JObject schema, string location)
    {
        _result.Warnings.Add(RawWarning(schema, location));
        foreach (var key in new[] { "oneOf", "anyOf", "type", "x-oaiExpandable", "default", "discriminator" })
        {
            schema.Remove(key);
        }

        schema["x-oaiGen-raw"] = true;
    }

    // A named union that cannot be mapped would be generated as an empty class: its references become raw JSON.
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

    private static string RawWarning(JObject schema, string location) =>
        $"OAIGEN100: the union at '{location}' ({string.Join(" | ", Branches(schema)!.OfType<JObject>().Select(Describe))}) has no hand-written type; it is generated as raw JSON (object holding a JToken). Add a union type to keep it typed.";

    private static string Describe(JObject s) =>
        SchemaReferences.Target(s) is { } r ? r
        : (string?)s["type"] == "array" && s["items"] is JObject i ? Describe(i) + "[]"
        : (string?)s["type"] ?? "any";

    private JObject ProcessUnion(JObject s, string owner, string property, bool arrayItem)
    {
        var location = owner + "." + property;
        if (_unionByLocation.TryGetValue(location, out var union))
        {
            _usedUnionLocations.Add(location);
            CheckShape(union, location, s);
            if (!_schemas.ContainsKey(union))
            {
                _schemas[union] = Placeholder(s, "x-oaiGen-union");
            }

            _result.ExcludedTypeNames.Add(union);
            return Reference(union, s);
        }

        if (TryStringWithKnownValues(s, location, out var replacement, out _))
        {
            return replacement["enum"] != null ? Process(replacement, owner, property, arrayItem) : replacement;
        }

        MakeRaw(s, location);
        return s;
    }
}
