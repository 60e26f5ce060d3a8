using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.SpecTool;

/// <summary>
/// Writes the C# of the well-known values of open strings (<c>model</c>: any string, with the spec listing the
/// known names) as static classes of string constants, one per spec location.
/// </summary>
public static class KnownValuesCodeWriter
{
    /// <summary>
    /// Returns the generated C# for <paramref name="knownValues"/> (spec location → values). A class name that
    /// collides with one of <paramref name="reservedNames"/> (the schemas NSwag generates) is an error.
    /// </summary>
    public static string Write(IReadOnlyDictionary<string, IReadOnlyList<string>> knownValues, ISet<string> reservedNames, string ns)
    {
        var sb = CSharpSource.Begin(ns);
        foreach (var pair in knownValues.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var name = ClassName(pair.Key);
            if (reservedNames.Contains(name))
            {
                throw new ArgumentException($"the constants for the known values of '{pair.Key}' would be named {name}, which is already a schema of the spec");
            }

            WriteOne(sb, name, pair.Key, pair.Value);
        }

        return CSharpSource.End(sb);
    }

    /// <summary>
    /// <paramref name="knownValues"/> with each member's values also under every schema of <paramref name="document"/>
    /// that inherits the member through <c>allOf</c> (a spec may move <c>model</c> from the request into a shared base):
    /// <c>CreateChatCompletionRequestModel</c> then names the request's models whichever class declares the member.
    /// </summary>
    public static SortedDictionary<string, IReadOnlyList<string>> WithInherited(IReadOnlyDictionary<string, IReadOnlyList<string>> knownValues, JObject document)
    {
        const string prefix = "#/components/schemas/";
        var schemas = (JObject?)document["components"]?["schemas"] ?? new JObject();
        var bases = schemas.Properties().ToDictionary(
            p => p.Name,
            p => (p.Value["allOf"] as JArray ?? new JArray()).Select(part => (string?)part["$ref"]).OfType<string>()
                .Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).Select(r => r.Substring(prefix.Length)).ToList(),
            StringComparer.Ordinal);
        bool Inherits(string schema, string ancestor, int depth) =>
            depth < 32 && bases.TryGetValue(schema, out var direct) && direct.Any(b => b == ancestor || Inherits(b, ancestor, depth + 1));

        var all = new SortedDictionary<string, IReadOnlyList<string>>(knownValues.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        foreach (var pair in knownValues)
        {
            var dot = pair.Key.LastIndexOf('.');
            if (dot < 0)
            {
                continue;
            }

            foreach (var derived in bases.Keys.Where(s => Inherits(s, pair.Key.Substring(0, dot), 0)))
            {
                var location = derived + pair.Key.Substring(dot);
                if (!all.ContainsKey(location))
                {
                    all[location] = pair.Value;
                }
            }
        }

        return all;
    }

    /// <summary>"CreateChatCompletionRequest.model" → "CreateChatCompletionRequestModel"; a named schema "X" → "XValues".</summary>
    public static string ClassName(string location)
    {
        var dot = location.LastIndexOf('.');
        return dot < 0 ? Naming.Pascal(location) + "Values" : location.Substring(0, dot) + Naming.Pascal(location.Substring(dot + 1));
    }

    /// <summary>
    /// A C# identifier for a value. Like <see cref="Naming.Member"/>, but two numbers joined by '-' keep an '_'
    /// between them, so that versions stay readable: "gpt-4-0613" → "Gpt4_0613", "gpt-3.5-turbo" → "Gpt35Turbo".
    /// </summary>
    public static string MemberName(string value)
    {
        var sb = new StringBuilder();
        var previousHasDigit = false;
        foreach (var part in value.Split('-').Where(p => p.Length > 0))
        {
            var word = Word(part);
            if (previousHasDigit && word.Length > 0 && char.IsDigit(word[0]))
            {
                sb.Append('_');
            }

            sb.Append(word);
            previousHasDigit = word.Any(char.IsDigit);
        }

        return sb.Length == 0 || char.IsDigit(sb[0]) ? "V" + sb : sb.ToString();
    }

    // "turbo" → "Turbo", "3.5" → "35", "ft:gpt" → "FtGpt": letters after a separator are upper case, separators go.
    private static string Word(string part)
    {
        var sb = new StringBuilder();
        var upper = true;
        foreach (var c in part)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.ToString();
    }

    private static void WriteOne(StringBuilder sb, string name, string location, IReadOnlyList<string> values)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { name, "KnownValues" };
        var members = new List<string>();
        foreach (var value in values)
        {
            var member = MemberName(value);
            var candidate = member;
            for (var i = 2; !used.Add(candidate); i++)
            {
                candidate = member + "_" + i;
            }

            members.Add(candidate);
        }

        sb.Append("    /// <summary>Well-known values of <c>").Append(CSharpSource.Doc(location)).Append("</c> as listed by the spec; any other string is accepted as well.</summary>\n");
        sb.Append("    [global::System.CodeDom.Compiler.GeneratedCode(\"OpenAI.Gen.SpecTool\", \"1.0\")]\n");
        sb.Append("    public static partial class ").Append(name).Append("\n    {\n");
        for (var i = 0; i < values.Count; i++)
        {
            sb.Append("        /// <summary>The value <c>").Append(CSharpSource.Doc(values[i])).Append("</c>.</summary>\n");
            sb.Append("        public const string ").Append(members[i]).Append(" = ").Append(CSharpSource.Literal(values[i])).Append(";\n\n");
        }

        sb.Append("        /// <summary>Every value above, in the order of the spec.</summary>\n");
        sb.Append("        public static global::System.Collections.Generic.IReadOnlyList<string> KnownValues { get; } = new[] { ")
            .Append(string.Join(", ", members)).Append(" };\n    }\n\n");
    }
}
