using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

// Pass 3: unions of objects told apart by a tag property become a discriminated base type with an "unknown" variant.
public sealed partial class SpecNormalizer
{
    private static readonly string[] PreferredTags = { "type", "role", "object" };

    // The variant names of a union whose every member refers to an object schema that is not itself composed.
    private List<string>? PlainVariants(JArray branches)
    {
        var names = new List<string>();
        foreach (var b in branches)
        {
            if (b is not JObject o || SchemaReferences.Target(o) is not { } name || !IsPlainObject(name))
            {
                return null;
            }

            names.Add(name);
        }

        return names.Count >= 2 ? names.Distinct().ToList() : null;
    }

    private bool IsPlainObject(string name) =>
        _schemas[name] is JObject t && t["properties"] is JObject && t["allOf"] == null && Branches(t) == null;

    private bool TryTaggedFamily(IReadOnlyList<string> members, IReadOnlyDictionary<string, IReadOnlyList<string>> variantsOf)
    {
        var variants = members.SelectMany(m => variantsOf[m]).Distinct().ToList();
        var tag = TagProperty(variants.Select(v => (JObject)_schemas[v]!).ToList());
        if (tag == null || variants.Select(v => TagValue(v, tag)).Distinct().Count() != variants.Count)
        {
            return false;
        }

        var values = string.Join(", ", variants.Select(v => TagValue(v, tag)));
        var baseName = members.Count == 1 ? members[0] : UnionFamilies.Name(members, variants, n => _schemas[n] == null);
        var description = members.Count == 1 ? _schemas[members[0]]!["description"] : null;
        CreateTaggedBase(baseName, tag, variants, description);
        foreach (var member in members.Where(m => m != baseName))
        {
            SchemaReferences.Retarget(_doc, member, baseName);
            _schemas.Remove(member);
        }

        if (members.Count > 1)
        {
            _result.Notes.Add($"the unions {string.Join(", ", members)} share variants; they are one tagged base type '{baseName}' ({tag}: {values}).");
        }

        return true;
    }

    private string TagValue(string variant, string tag) => (string)_schemas[variant]!["properties"]![tag]!["enum"]![0]!;

    private static string? TagProperty(IReadOnlyList<JObject> variants)
    {
        var common = ((JObject)variants[0]["properties"]!).Properties().Select(p => p.Name)
            .Where(n => variants.All(v => v["properties"]![n] is JObject p && p["enum"] is JArray { Count: 1 } e && e[0].Type == JTokenType.String))
            .ToList();
        return PreferredTags.FirstOrDefault(common.Contains) ?? common.FirstOrDefault();
    }

    private void CreateTaggedBase(string baseName, string tag, IReadOnlyList<string> variants, JToken? description)
    {
        var mapping = new JObject();
        foreach (var name in variants)
        {
            mapping[TagValue(name, tag)] = SchemaPrefix + name;
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
        if (description != null)
        {
            baseSchema["description"] = description.DeepClone();
        }

        _schemas[baseName] = baseSchema;
        foreach (var name in variants)
        {
            MakeVariant(name, baseName, tag);
        }

        _schemas[unknown] = new JObject
        {
            ["description"] = $"A {baseName} whose '{tag}' this client does not know; every field is kept as JSON.",
            ["allOf"] = new JArray(new JObject { ["$ref"] = SchemaPrefix + baseName }, new JObject { ["type"] = "object" }),
        };
        _result.TaggedUnions[baseName] = tag;
    }

    // The variant derives from the base, which reads and writes the tag.
    private void MakeVariant(string name, string baseName, string tag)
    {
        var target = (JObject)_schemas[name]!;
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

    // The tagged base a variant already derives from, or null.
    private string? BaseOf(string variant) =>
        _schemas[variant]?["allOf"] is JArray { Count: 2 } all && all[0] is JObject first && SchemaReferences.Target(first) is { } b
        && _result.TaggedUnions.ContainsKey(b) ? b : null;

    // Inline unions of references (a property, array items, an operation body) tagged by a property. Done before
    // members are processed, while the variants still hold their tag enums.
    private void ReshapeInlineTaggedUnions()
    {
        foreach (var name in SchemaNames())
        {
            if (_schemas[name] is JObject s && s["x-oaiGen-union"] == null)
            {
                FindInline(s, name);
            }
        }

        foreach (var (operationId, operation) in Operations(_doc))
        {
            foreach (var holder in BodySchemaHolders(operation))
            {
                holder.Value = VisitInline((JObject)holder.Value, Naming.Pascal(operationId), "body", false);
            }
        }
    }

    private void FindInline(JObject s, string owner)
    {
        if (s["properties"] is JObject props)
        {
            foreach (var p in props.Properties().ToList())
            {
                if (p.Value is JObject child)
                {
                    p.Value = VisitInline(child, owner, p.Name, false);
                }
            }
        }

        foreach (var member in (s["allOf"] as JArray)?.OfType<JObject>().Where(m => m["$ref"] == null).ToList() ?? new List<JObject>())
        {
            FindInline(member, owner);
        }

        if ((string?)s["type"] == "array" && s["items"] is JObject items)
        {
            s["items"] = VisitInline(items, owner, "item", false);
        }
    }

    private JObject VisitInline(JObject s, string owner, string property, bool arrayItem)
    {
        var baseName = owner + (arrayItem ? Naming.Singular(property) : Naming.Pascal(property));
        if (s["$ref"] != null)
        {
            return s;
        }

        if (Branches(s) is { } branches)
        {
            var location = owner + "." + property;
            return !_unionByLocation.ContainsKey(location) && TryTaggedInline(location, baseName, s, branches) is { } name ? Reference(name, s) : s;
        }

        if ((string?)s["type"] == "array" && s["items"] is JObject items)
        {
            s["items"] = VisitInline(items, owner, property, true);
        }
        else if (s["properties"] is JObject)
        {
            FindInline(s, baseName);
        }
        else if (s["allOf"] is JArray)
        {
            FindInline(s, owner);
        }

        return s;
    }

    private string? TryTaggedInline(string location, string baseName, JObject s, JArray branches)
    {
        var refs = branches.Select(b => b is JObject o ? SchemaReferences.Target(o) : null).ToList();
        if (refs.Count < 2 || refs.Any(r => r == null))
        {
            return null;
        }

        var names = refs.OfType<string>().Distinct().ToList();
        var bases = names.Select(BaseOf).OfType<string>().Distinct().ToList();
        var plain = names.Where(IsPlainObject).ToList();
        if (bases.Count > 1 || names.Count(n => BaseOf(n) != null) + plain.Count != names.Count)
        {
            return null;
        }

        if (bases.Count == 0)
        {
            var tag = TagProperty(plain.Select(v => (JObject)_schemas[v]!).ToList());
            if (tag == null || plain.Select(v => TagValue(v, tag)).Distinct().Count() != plain.Count)
            {
                return null;
            }

            var name = Unique(baseName);
            CreateTaggedBase(name, tag, plain, s["description"]);
            return name;
        }

        // Some variants already belong to a tagged base: the union is that base, with any new variants added to it.
        var family = bases[0];
        var familyTag = _result.TaggedUnions[family];
        var mapping = (JObject)_schemas[family]!["discriminator"]!["mapping"]!;
        if (plain.Count > 0)
        {
            var values = plain.Select(v => _schemas[v]!["properties"]?[familyTag]?["enum"] is JArray { Count: 1 } e && e[0].Type == JTokenType.String ? (string?)e[0] : null).ToList();
            if (values.Any(v => v == null || mapping.ContainsKey(v)) || values.Distinct().Count() != values.Count)
            {
                return null;
            }

            var unknown = mapping["*"]!;
            mapping.Remove("*");
            for (var i = 0; i < plain.Count; i++)
            {
                mapping[values[i]!] = SchemaPrefix + plain[i];
                MakeVariant(plain[i], family, familyTag);
            }

            mapping["*"] = unknown;
        }

        _result.Notes.Add($"the union at '{location}' ({string.Join(" | ", names)}) uses the variants of '{family}'; it is typed as '{family}'.");
        return family;
    }
}
