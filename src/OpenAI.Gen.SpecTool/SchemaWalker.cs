using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

/// <summary>Finds every schema object of an OpenAPI document (and the schemas nested in them).</summary>
public static class SchemaWalker
{
    private static readonly string[] SchemaMaps = { "properties", "patternProperties" };
    private static readonly string[] SchemaLists = { "allOf", "anyOf", "oneOf", "prefixItems" };
    private static readonly string[] SchemaSingles = { "items", "additionalProperties", "not", "contains" };

    /// <summary>The schemas at the document level: components and the bodies of operations.</summary>
    public static IEnumerable<JObject> RootSchemas(JObject doc)
    {
        if (doc["components"]?["schemas"] is JObject schemas)
        {
            foreach (var p in schemas.Properties().ToList())
            {
                if (p.Value is JObject s)
                {
                    yield return s;
                }
            }
        }

        if (doc["paths"] is not JObject paths)
        {
            yield break;
        }

        // Path-level parameters (shared by the path's operations) are schemas too.
        foreach (var s in paths.Properties().Select(p => p.Value["parameters"]).OfType<JArray>()
                     .SelectMany(list => list.OfType<JObject>().Select(p => p["schema"]).OfType<JObject>()))
        {
            yield return s;
        }

        foreach (var operation in paths.Properties().Select(p => p.Value).OfType<JObject>()
                     .SelectMany(item => item.Properties().Select(p => p.Value).OfType<JObject>()))
        {
            foreach (var media in Media(operation["requestBody"]))
            {
                yield return media;
            }

            if (operation["responses"] is JObject responses)
            {
                foreach (var r in responses.Properties())
                {
                    foreach (var media in Media(r.Value))
                    {
                        yield return media;
                    }
                }
            }

            if (operation["parameters"] is JArray parameters)
            {
                foreach (var s in parameters.OfType<JObject>().Select(p => p["schema"]).OfType<JObject>())
                {
                    yield return s;
                }
            }
        }
    }

    private static IEnumerable<JObject> Media(JToken? holder)
    {
        if (holder?["content"] is not JObject content)
        {
            yield break;
        }

        foreach (var m in content.Properties())
        {
            if (m.Value["schema"] is JObject s)
            {
                yield return s;
            }
        }
    }

    /// <summary>The schemas directly nested in <paramref name="schema"/>.</summary>
    public static IEnumerable<JObject> Children(JObject schema)
    {
        foreach (var key in SchemaMaps)
        {
            if (schema[key] is JObject map)
            {
                foreach (var p in map.Properties())
                {
                    if (p.Value is JObject s)
                    {
                        yield return s;
                    }
                }
            }
        }

        foreach (var key in SchemaLists)
        {
            if (schema[key] is JArray list)
            {
                foreach (var s in list.OfType<JObject>())
                {
                    yield return s;
                }
            }
        }

        foreach (var key in SchemaSingles)
        {
            if (schema[key] is JObject s)
            {
                yield return s;
            }
        }
    }

    /// <summary>Visits every schema below the roots, children after their parent; the visitor may rewrite the node in place.</summary>
    public static void VisitAll(JObject doc, Action<JObject> visit)
    {
        foreach (var root in RootSchemas(doc).ToList())
        {
            Visit(root, visit);
        }
    }

    private static void Visit(JObject schema, Action<JObject> visit)
    {
        visit(schema);
        foreach (var child in Children(schema).ToList())
        {
            Visit(child, visit);
        }
    }
}
