using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

/// <summary>
/// Reshapes an OpenAI OpenAPI document (3.0 or 3.1) into the subset NSwag generates well:
/// 3.1 nullability and <c>const</c> become 3.0 <c>nullable</c> and <c>enum</c>; unions of one member and schemas
/// that only rename another disappear; unions tagged by a property become discriminator + allOf with an open
/// "unknown" variant (unions that share variants become one base type); configured untagged unions become
/// references to hand-written types; string enums become open types; inline objects and enums get names from where
/// they stand; integers that hold a Unix time become int64; any other union becomes raw JSON with a warning. Same
/// input, same output: nothing depends on dictionary order or time.
/// </summary>
public sealed class SpecNormalizer
{
    private const string SchemaPrefix = SchemaReferences.Prefix;
    private static readonly string[] PreferredTags = { "type", "role", "object" };
    private static readonly string[] AliasKeys = { "allOf", "$ref", "description", "title", "nullable", "deprecated" };

    private static readonly System.Text.RegularExpressions.Regex UnixTime = new(@"\bUnix\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

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

        var is31 = (string?)doc["openapi"] is { } version && version.StartsWith("3.1", StringComparison.Ordinal);
        SchemaWalker.VisitAll(doc, Downgrade);
        SchemaWalker.VisitAll(doc, WidenUnixTimes);
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

        foreach (var location in _unionByLocation.Keys.Where(l => !_usedUnionLocations.Contains(l)).OrderBy(l => l, StringComparer.Ordinal))
        {
            _result.Warnings.Add($"OAIGEN010: the hand-written union '{_unionByLocation[location]}' is configured for '{location}', which is not a union in this spec; that hand-written part is unused.");
        }

        SortSchemas();
        return _result;
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
            foreach (var n in nulls)
            {
                n.Remove();
            }

            if (nulls.Count > 0)
            {
                s["nullable"] = true;
            }

            // A union of one member (left by removing null, or written so) is that member.
            if (list.Count == 1 && list[0] is JObject only)
            {
                s.Remove(key);
                s.Remove("discriminator");
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

    // --- aliases and configured unions ---------------------------------------------------------------------

    // A named schema that only renames another (what a one-member union becomes) would be generated as an empty
    // subclass that no tagged union maps; every reference goes to the schema it renames instead.
    // An integer without a format becomes an int, whose seconds since 1970 run out in January 2038: a Unix time (the
    // spec says so in its description, e.g. "created") becomes int64, so a long.
    private static void WidenUnixTimes(JObject s)
    {
        if ((string?)s["type"] == "integer" && s["format"] == null && (string?)s["description"] is { } description
            && UnixTime.IsMatch(description))
        {
            s["format"] = "int64";
        }
    }

    private void RemoveAliases()
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var name in SchemaNames().Where(n => !_unionByLocation.ContainsKey(n)))
            {
                if (_schemas[name] is JObject s && s.Properties().All(p => AliasKeys.Contains(p.Name) || p.Name.StartsWith("x-", StringComparison.Ordinal)) && SchemaReferences.Target(s) is { } target
                    && target != name && _schemas[target] != null)
                {
                    SchemaReferences.Retarget(_doc, name, target);
                    _schemas.Remove(name);
                    _result.Notes.Add($"'{name}' only renames '{target}'; references to it use '{target}'.");
                    changed = true;
                }
            }
        }
    }

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

    // --- unions ------------------------------------------------------------------------------------------

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

    private static JObject Placeholder(JObject schema, string marker)
    {
        var placeholder = new JObject { ["type"] = "object", [marker] = true };
        if (schema["description"] != null)
        {
            placeholder["description"] = schema["description"];
        }

        return placeholder;
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

        // The items of a named array are "<Array>Item" (ChatCompletionMessageToolCallsItem).
        if ((string?)schema["type"] == "array" && schema["items"] is JObject items)
        {
            schema["items"] = Process(items, owner, "item", false);
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
        if (SchemaReferences.Target(s) is { } target)
        {
            if (_knownValuesByName.TryGetValue(target, out var known))
            {
                _result.KnownValues[location] = known;
            }

            return s;
        }

        if (s["$ref"] != null)
        {
            return s;
        }

        if (Branches(s) != null)
        {
            return ProcessUnion(s, owner, property, arrayItem);
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

        // An inline object, or an inline composition (allOf of a schema and more members), is a type of its own.
        if (s["properties"] is JObject || s["allOf"] is JArray { Count: > 1 })
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

    // Query and path parameters. NSwag sends a parameter of a class type (an open enum) as the members of an
    // object, so enums are sent as strings (their values listed in the description), and it cannot send the
    // deepObject style (metadata[key]=value), so such a parameter is left out with a warning rather than sent wrong.
    private void ProcessParameters(JObject doc)
    {
        foreach (var path in (doc["paths"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>())
        {
            if (path.Value is not JObject item)
            {
                continue;
            }

            var operations = item.Properties().Where(p => p.Value is JObject o && o["operationId"] != null).ToList();
            foreach (var operation in operations)
            {
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name} ({(string)operation.Value["operationId"]!})";
                ProcessParameterList(operation.Value["parameters"], where);
                if (item["parameters"] != null)
                {
                    ProcessParameterList(item["parameters"], where);
                }
            }
        }
    }

    private void ProcessParameterList(JToken? parameters, string where)
    {
        foreach (var parameter in (parameters as JArray)?.OfType<JObject>().ToList() ?? new List<JObject>())
        {
            if (parameter["schema"] is not JObject schema || (string?)parameter["name"] is not { } name)
            {
                continue;
            }

            if ((string?)parameter["style"] == "deepObject")
            {
                _result.Warnings.Add($"OAIGEN101: the {parameter["in"]} parameter '{name}' of {where} uses style deepObject ({name}[key]=value), which the generated client cannot send; it is left out of the generated method.");
                parameter.Remove();
                continue;
            }

            var values = IsStringEnum(schema) ? ((JArray)schema["enum"]!).Where(v => v.Type == JTokenType.String).Select(v => (string)v!).ToList()
                : SchemaReferences.Target(schema) is { } t && _schemas[t]?["x-oaiGen-enum"] is JArray known ? known.Select(v => (string)v!).ToList()
                : null;
            if (values != null)
            {
                parameter["schema"] = new JObject { ["type"] = "string" };
                var oneOf = "One of: " + string.Join(", ", values) + ".";
                parameter["description"] = parameter["description"] is { } d ? $"{d} {oneOf}" : oneOf;
            }
        }
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
