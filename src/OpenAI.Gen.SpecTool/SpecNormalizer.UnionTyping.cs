using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

// Pass 3, untagged unions: what each member's JSON shape is, whether the members can be told apart when reading, and
// the union type that results (written to Unions.g.cs by UnionCodeWriter).
public sealed partial class SpecNormalizer
{
    // Schemas made of a union's inline object members; their members are processed when they are made.
    private readonly HashSet<string> _hoistedVariants = new(StringComparer.Ordinal);

    // Why the last union that could not be typed could not (for OAIGEN100).
    private string _untypedReason = string.Empty;

    // The C# type the union at location is generated as (name, or another free name when name is taken by a
    // different union), or null with _untypedReason set.
    private string? TypeUnion(JObject schema, string location, string name, string member)
    {
        var hoists = new List<(string Name, JObject Schema)>();
        var union = AnalyseUnion(schema, location, name, member, hoists);
        if (union == null)
        {
            return null;
        }

        if (_result.Unions.TryGetValue(name, out var existing))
        {
            if (existing.Shape == union.Shape)
            {
                return name;
            }

            var other = Unique(name);
            _result.Notes.Add($"the union at '{location}' ({union.Shape}) differs from '{name}' ({existing.Shape}); it is named '{other}'.");
            return TypeUnion(schema, location, other, member);
        }

        if (name != location && _schemas[name] != null)
        {
            return TypeUnion(schema, location, Unique(name), member);
        }

        foreach (var (hoistedName, hoisted) in hoists)
        {
            _schemas[hoistedName] = hoisted;
            _hoistedVariants.Add(hoistedName);
            ProcessMembers(hoisted, hoistedName);
        }

        _result.Unions[name] = union;
        _result.ExcludedTypeNames.Add(name);
        return name;
    }

    private GeneratedUnion? AnalyseUnion(JObject schema, string location, string name, string member, List<(string Name, JObject Schema)> hoists)
    {
        var branches = Branches(schema)!;
        var shapes = new List<(UnionShape Shape, JObject? Object)>();
        foreach (var branch in branches)
        {
            if (branch is not JObject b || ShapeOf(b, name, hoists) is not { } shape)
            {
                _untypedReason = $"the member '{(branch as JObject is { } o ? Describe(o) : branch.ToString())}' is neither a primitive, an object, an open enum nor an array of these";
                return null;
            }

            if (shapes.All(s => s.Shape != shape.Shape))
            {
                shapes.Add(shape);
            }
        }

        // An integer and a number may stand together: a JSON integer reads as the integer member.
        foreach (var group in shapes.GroupBy(s => s.Shape.Token).Where(g => g.Key != "object" && g.Count() > 1))
        {
            var integerAndNumber = group.Key == "number" && group.Count() == 2 && group.Count(s => s.Shape.Kind == "number") == 1;
            if (!integerAndNumber && (group.Key != "array" || group.Select(s => s.Shape.Item!.Token).Distinct().Count() != group.Count()))
            {
                _untypedReason = $"{string.Join(" and ", group.Select(s => s.Shape.Describe()))} cannot be told apart when reading";
                return null;
            }
        }

        var objects = shapes.Where(s => s.Shape.Token == "object").ToList();
        string? tag = null;
        var tagValues = new Dictionary<UnionShape, string>();
        var required = new Dictionary<UnionShape, IReadOnlyList<string>>();
        if (objects.Count > 1)
        {
            var facts = objects.Select(o => (o.Shape, Facts: ObjectFacts(o.Shape, o.Object))).ToList();
            tag = PreferredTags.Concat(facts.SelectMany(f => f.Facts.Tags.Keys).OrderBy(k => k, StringComparer.Ordinal))
                .FirstOrDefault(t => facts.All(f => f.Facts.Tags.ContainsKey(t)) && facts.Select(f => f.Facts.Tags[t]).Distinct().Count() == facts.Count);
            if (tag != null)
            {
                foreach (var f in facts)
                {
                    tagValues[f.Shape] = f.Facts.Tags[tag];
                }
            }
            else if (facts.Any(f => f.Facts.Required.Count == 0) || facts.Select(f => string.Join(",", f.Facts.Required)).Distinct().Count() != facts.Count)
            {
                _untypedReason = $"its objects ({string.Join(", ", objects.Select(o => o.Shape.Describe()))}) share no property with one value each, nor differ in the members they require";
                return null;
            }
            else
            {
                foreach (var f in facts)
                {
                    required[f.Shape] = f.Facts.Required;
                }
            }
        }

        var names = _options.UnionVariantNames.TryGetValue(name, out var map) ? map : null;
        var variants = new List<UnionVariant>();
        foreach (var (shape, _) in shapes)
        {
            var variantName = names != null && names.TryGetValue(shape.Describe(), out var mapped) ? mapped : shape.MemberName();
            for (var i = 2; variants.Any(v => v.Name == variantName) || variantName == "Unknown"; i++)
            {
                variantName = shape.MemberName() + i;
            }

            variants.Add(new UnionVariant(variantName, shape, tagValues.TryGetValue(shape, out var value) ? value : null, required.TryGetValue(shape, out var r) ? r : Array.Empty<string>()));
        }

        return new GeneratedUnion(name, member, location, (string?)schema["description"], tag, variants);
    }

    // The shape of one member, or null. An inline object gets a schema of its own (added to hoists), named after the
    // union and its one-valued property ("...Text") or "Object".
    private (UnionShape Shape, JObject? Object)? ShapeOf(JObject b, string union, List<(string Name, JObject Schema)> hoists)
    {
        if (SchemaReferences.Target(b) is { } target)
        {
            return _schemas[target] is JObject named ? NamedShapeOf(target, named, hoists) : null;
        }

        if (b["$ref"] != null || Branches(b) != null)
        {
            return null;
        }

        switch ((string?)b["type"])
        {
            case "string":
                return (new UnionShape("string"), null);
            case "integer":
                return (new UnionShape((string?)b["format"] == "int64" ? "integer64" : "integer"), null);
            case "number":
                return (new UnionShape("number"), null);
            case "boolean":
                return (new UnionShape("boolean"), null);
            case "array":
                return b["items"] is JObject items && ShapeOf(items, union + "Item", hoists) is { } item && item.Shape.Kind != "json"
                    ? (new UnionShape("array", Item: item.Shape), null)
                    : null;
        }

        if (b["properties"] is JObject properties && properties.Count > 0)
        {
            var facts = ObjectFacts(null, b);
            var suffix = facts.Tags.TryGetValue(PreferredTags.FirstOrDefault(facts.Tags.ContainsKey) ?? facts.Tags.Keys.FirstOrDefault() ?? string.Empty, out var value)
                ? Naming.Member(value) : "Object";
            var name = union + suffix;
            for (var i = 2; _schemas[name] != null || hoists.Any(h => h.Name == name); i++)
            {
                name = union + suffix + i;
            }

            var hoisted = (JObject)b.DeepClone();
            hoisted.Remove("nullable");
            hoisted["type"] = "object";
            hoists.Add((name, hoisted));
            return (new UnionShape("object", name), b);
        }

        return (string?)b["type"] == "object" || b["additionalProperties"] != null ? (new UnionShape("json"), null) : null;
    }

    private (UnionShape Shape, JObject? Object)? NamedShapeOf(string name, JObject named, List<(string Name, JObject Schema)> hoists)
    {
        if (named["x-oaiGen-enum"] != null || IsStringEnum(named))
        {
            return (new UnionShape("enum", name), null);
        }

        if (Branches(named) != null)
        {
            // A named union of strings (anyOf [string, enum]) becomes a string when its own turn comes.
            return IsStringUnion(named) ? (new UnionShape("string"), null) : null;
        }

        if (named["x-oaiGen-union"] != null || named["x-oaiGen-raw"] != null)
        {
            return null;
        }

        // A named array is read as the array it names (the union holds its items as a list).
        if ((string?)named["type"] == "array")
        {
            return named["items"] is JObject items && ShapeOf(items, name + "Item", hoists) is { } item && item.Shape.Kind != "json"
                ? (new UnionShape("array", Item: item.Shape), null)
                : null;
        }

        if (named["properties"] != null || named["allOf"] != null || named["discriminator"] != null || (string?)named["type"] == "object")
        {
            return (new UnionShape("object", name), named);
        }

        return (string?)named["type"] switch
        {
            "string" => (new UnionShape("string"), null),
            "integer" => (new UnionShape((string?)named["format"] == "int64" ? "integer64" : "integer"), null),
            "number" => (new UnionShape("number"), null),
            "boolean" => (new UnionShape("boolean"), null),
            _ => null,
        };
    }

    // The properties with one string value (the spec's const or one-value enum, also once that enum became an open
    // enum or a tagged base took it over) and the required members of an object schema, its allOf parts included.
    private (Dictionary<string, string> Tags, IReadOnlyList<string> Required) ObjectFacts(UnionShape? shape, JObject? schema)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var required = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<JObject>();
        void Visit(JObject s)
        {
            if (!seen.Add(s))
            {
                return;
            }

            foreach (var p in (s["properties"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>())
            {
                if (p.Value is JObject property && SingleValue(property) is { } value)
                {
                    tags[p.Name] = value;
                }
            }

            foreach (var r in (s["required"] as JArray)?.Select(r => (string?)r).OfType<string>() ?? Enumerable.Empty<string>())
            {
                required.Add(r);
            }

            foreach (var part in (s["allOf"] as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>())
            {
                if (SchemaReferences.Target(part) is { } t && _schemas[t] is JObject referenced)
                {
                    Visit(referenced);
                }
                else
                {
                    Visit(part);
                }
            }
        }

        if (schema != null)
        {
            Visit(schema);
        }

        if (shape?.TypeName is { } name && BaseOf(name) is { } tagged && _schemas[tagged]?["discriminator"]?["mapping"] is JObject mapping)
        {
            var tag = _result.TaggedUnions[tagged];
            if (mapping.Properties().FirstOrDefault(m => (string?)m.Value == SchemaPrefix + name) is { } entry)
            {
                tags[tag] = entry.Name;
                required.Add(tag);
            }
        }

        return (tags, required.ToList());
    }

    private string? SingleValue(JObject property)
    {
        if (property["enum"] is JArray { Count: 1 } e && e[0].Type == JTokenType.String)
        {
            return (string?)e[0];
        }

        return SchemaReferences.Target(property) is { } t && _schemas[t]?["x-oaiGen-enum"] is JArray { Count: 1 } known ? (string?)known[0] : null;
    }
}
