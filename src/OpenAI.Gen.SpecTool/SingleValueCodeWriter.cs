using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

/// <summary>
/// Writes a constructor for each generated class with required members whose open enum has one value (a tool's
/// <c>type</c>, a response's <c>object</c>): the constructor sets them to that value, so a caller need not and a
/// hand-written partial does not have to (which would tie it to whether a spec still has that member or enum).
/// </summary>
public static class SingleValueCodeWriter
{
    private const string SchemaPrefix = "#/components/schemas/";

    /// <summary>Returns the generated C# for the normalized <paramref name="document"/>.</summary>
    public static string Write(JObject document, string ns)
    {
        var schemas = (JObject?)document["components"]?["schemas"] ?? new JObject();
        var sb = CSharpSource.Begin(ns);
        foreach (var schema in schemas.Properties().Where(p => p.Value is JObject s && s["x-oaiGen-union"] == null && s["x-oaiGen-enum"] == null).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var members = Members(schemas, (JObject)schema.Value).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            sb.Append("    public partial class ").Append(schema.Name).Append("\n    {\n");
            sb.Append("        /// <summary>Creates the object with its single-valued required members set: ")
                .Append(string.Join(", ", members.Select(m => "<c>" + CSharpSource.Doc(m.Json) + "</c> = <c>" + CSharpSource.Doc(m.Value) + "</c>"))).Append(".</summary>\n");
            sb.Append("        public ").Append(schema.Name).Append("()\n        {\n");
            foreach (var member in members)
            {
                sb.Append("            ").Append(Naming.Pascal(member.Json)).Append(" = ").Append(member.Enum).Append('.').Append(Naming.Member(member.Value)).Append(";\n");
            }

            sb.Append("        }\n    }\n\n");
        }

        return CSharpSource.End(sb);
    }

    // The schema's own required members (also those of its inline allOf parts; a $ref base has its own constructor)
    // that refer to an open enum of one value.
    private static IEnumerable<(string Json, string Enum, string Value)> Members(JObject schemas, JObject schema)
    {
        var parts = new[] { schema }.Concat((schema["allOf"] as JArray ?? new JArray()).OfType<JObject>().Where(p => p["$ref"] == null));
        foreach (var part in parts)
        {
            var required = (part["required"] as JArray ?? new JArray()).Select(r => (string?)r).ToList();
            foreach (var property in (part["properties"] as JObject ?? new JObject()).Properties().Where(p => required.Contains(p.Name)))
            {
                var reference = (string?)property.Value["$ref"] ?? (string?)(property.Value["allOf"] as JArray)?.SingleOrDefault()?["$ref"];
                if (reference is { } r && r.StartsWith(SchemaPrefix, StringComparison.Ordinal)
                    && schemas[r.Substring(SchemaPrefix.Length)]?["x-oaiGen-enum"] is JArray { Count: 1 } values)
                {
                    yield return (property.Name, r.Substring(SchemaPrefix.Length), (string)values[0]!);
                }
            }
        }
    }
}
