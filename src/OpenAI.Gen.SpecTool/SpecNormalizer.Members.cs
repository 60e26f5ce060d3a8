using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

// Pass 4: members and enums: inline objects and string enums get names from where they stand; Unix times become int64.
public sealed partial class SpecNormalizer
{
    private static readonly System.Text.RegularExpressions.Regex UnixTime = new(@"\bUnix\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    // An integer without a format becomes an int, whose seconds since 1970 run out in January 2038: a Unix time (the
    // spec says so in its format, "unixtime" in newer specs, or else in its description, e.g. "created") becomes
    // int64, so a long.
    private static void WidenUnixTimes(JObject s)
    {
        if ((string?)s["type"] == "integer"
            && ((string?)s["format"] == "unixtime" || (s["format"] == null && (string?)s["description"] is { } description && UnixTime.IsMatch(description))))
        {
            s["format"] = "int64";
        }
    }

    // The items of an array of numbers, integers or booleans may be null: the API answers an echoed prompt's first token
    // with token_logprobs [null, -5.23], and a list of a non-nullable value type could not hold that null.
    private static void NullableScalarItems(JObject s)
    {
        if ((string?)s["type"] == "array" && s["items"] is JObject items && (string?)items["type"] is "number" or "integer" or "boolean"
            && items["enum"] == null)
        {
            items["nullable"] = true;
        }
    }

    private void ProcessNamed(string name, JObject schema)
    {
        if (schema["x-oaiGen-union"] != null || schema["x-oaiGen-enum"] != null || _hoistedVariants.Contains(name))
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

        if (IsUnionAfterPresenceConstraints(s, location))
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
}
