using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

// Pass 1: OpenAPI 3.1 schemas (type lists, null members, const, examples, $ref siblings) as their 3.0 forms.
public sealed partial class SpecNormalizer
{
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
                // Each member takes the keywords that only apply to its type (an array's items, an object's properties).
                var members = nonNull.Select(n => new JObject { ["type"] = n }).ToList();
                foreach (var member in members)
                {
                    foreach (var key in KeywordsOf((string?)member["type"]).Where(k => s[k] != null))
                    {
                        member[key] = s[key]!.DeepClone();
                    }
                }

                foreach (var key in nonNull.SelectMany(KeywordsOf).ToList())
                {
                    s.Remove(key);
                }

                s["oneOf"] = new JArray(members);
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

        // allOf [ $ref, {nullable: true} ] (3.0's way to make a reference nullable): members that only annotate become the
        // wrapper's own keywords, so the wrapper stands for the referenced schema instead of deriving a class from it.
        if (s["allOf"] is JArray parts && parts.Count > 1 && parts.OfType<JObject>().Count(p => p["$ref"] != null) == 1
            && parts.All(p => p is JObject o && (o["$ref"] != null || o.Properties().All(k => AnnotationKeywords.Contains(k.Name)))))
        {
            foreach (var annotation in parts.OfType<JObject>().Where(p => p["$ref"] == null).ToList())
            {
                foreach (var keyword in annotation.Properties())
                {
                    s[keyword.Name] ??= keyword.Value.DeepClone();
                }

                annotation.Remove();
            }
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

    private static readonly HashSet<string> AnnotationKeywords = new(StringComparer.Ordinal)
    {
        "nullable", "description", "title", "deprecated", "default", "example", "examples", "readOnly", "writeOnly",
    };

    private static IEnumerable<string> KeywordsOf(string? type) => type switch
    {
        "array" => new[] { "items", "minItems", "maxItems", "uniqueItems" },
        "object" => new[] { "properties", "required", "additionalProperties", "minProperties", "maxProperties" },
        "string" => new[] { "minLength", "maxLength", "pattern", "format" },
        _ => Array.Empty<string>(),
    };

    private static bool IsNullSchema(JObject s) =>
        (string?)s["type"] == "null" || (s["type"] is JArray a && a.Count == 1 && (string?)a[0] == "null");
}
