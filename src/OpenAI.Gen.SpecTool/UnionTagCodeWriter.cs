using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

/// <summary>
/// Writes, for each known variant of a tagged union, a read-only member holding its tag (<c>Role => "system"</c>),
/// written first. The variant then serializes itself as Newtonsoft writes any object, and the union's converter does
/// not have to build a <c>JObject</c> per message to put the tag in.
/// </summary>
public static class UnionTagCodeWriter
{
    private const string SchemaPrefix = "#/components/schemas/";

    /// <summary>Returns the generated C# for the tagged unions of the normalized <paramref name="document"/>.</summary>
    public static string Write(JObject document, string ns)
    {
        var schemas = (JObject?)document["components"]?["schemas"] ?? new JObject();
        var sb = CSharpSource.Begin(ns);
        foreach (var union in schemas.Properties().Where(p => p.Value["discriminator"]?["mapping"] is JObject).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var tag = (string)union.Value["discriminator"]!["propertyName"]!;
            foreach (var variant in ((JObject)union.Value["discriminator"]!["mapping"]!).Properties().Where(v => v.Name != "*"))
            {
                var className = ((string)variant.Value!).Substring(SchemaPrefix.Length);
                if (schemas[className] is JObject schema && !HasMemberNamed(schema, Naming.Pascal(tag)))
                {
                    WriteOne(sb, union.Name, className, tag, variant.Name);
                }
            }
        }

        return CSharpSource.End(sb);
    }

    // A variant that already has a member of that name keeps it; its converter then puts the tag in as before.
    private static bool HasMemberNamed(JObject schema, string member) =>
        schema.DescendantsAndSelf().OfType<JProperty>().Where(p => p.Name == "properties" && p.Value is JObject)
            .SelectMany(p => ((JObject)p.Value).Properties()).Any(p => Naming.Pascal(p.Name) == member);

    private static void WriteOne(StringBuilder sb, string union, string className, string tag, string value)
    {
        sb.Append("    public partial class ").Append(className).Append("\n    {\n");
        sb.Append("        /// <summary>The <c>").Append(CSharpSource.Doc(tag)).Append("</c> that makes this a ").Append(className).Append(" among the <see cref=\"")
            .Append(union).Append("\"/> variants: always <c>").Append(CSharpSource.Doc(value)).Append("</c>.</summary>\n");
        sb.Append("        [Newtonsoft.Json.JsonProperty(").Append(CSharpSource.Literal(tag)).Append(", Order = -2)]\n");
        sb.Append("        public string ").Append(Naming.Pascal(tag)).Append(" => ").Append(CSharpSource.Literal(value)).Append(";\n    }\n\n");
    }
}
