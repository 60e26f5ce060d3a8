using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace OpenAI.Gen.SpecTool;

/// <summary>
/// Writes the C# of the spec's string enums as open types: the known values are static members, and any other
/// string a newer server sends is kept as it is instead of failing deserialization.
/// </summary>
public static class EnumCodeWriter
{
    /// <summary>Returns the generated C# source for <paramref name="enums"/>.</summary>
    public static string Write(IEnumerable<ExtensibleEnum> enums, string ns)
    {
        var sb = CSharpSource.Begin(ns);
        foreach (var e in enums.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            WriteOne(sb, e);
        }

        return CSharpSource.End(sb);
    }

    private static void WriteOne(StringBuilder sb, ExtensibleEnum e)
    {
        var members = MemberNames(e);
        sb.Append("    /// <summary>").Append(CSharpSource.Doc(e.Description ?? $"Values of {e.Name}.")).Append(" Unknown values from newer servers are kept.</summary>\n");
        sb.Append("    [Newtonsoft.Json.JsonConverter(typeof(ExtensibleEnumConverter))]\n");
        sb.Append("    [global::System.CodeDom.Compiler.GeneratedCode(\"OpenAI.Gen.SpecTool\", \"1.0\")]\n");
        sb.Append("    public sealed partial class ").Append(e.Name).Append(" : ExtensibleEnum\n    {\n");
        sb.Append("        /// <summary>Wraps a value; prefer the static members for known values.</summary>\n");
        sb.Append("        public ").Append(e.Name).Append("(string value) : base(value) { }\n\n");
        for (var i = 0; i < e.Values.Count; i++)
        {
            sb.Append("        /// <summary>The value <c>").Append(CSharpSource.Doc(e.Values[i])).Append("</c>.</summary>\n");
            sb.Append("        public static ").Append(e.Name).Append(' ').Append(members[i]).Append(" { get; } = new ").Append(e.Name).Append('(').Append(CSharpSource.Literal(e.Values[i])).Append(");\n\n");
        }

        sb.Append("        /// <summary>The values this client was generated with.</summary>\n");
        sb.Append("        public static global::System.Collections.Generic.IReadOnlyList<").Append(e.Name).Append("> KnownValues { get; } = new[] { ")
            .Append(string.Join(", ", members)).Append(" };\n\n");
        sb.Append("        /// <summary>Whether this is one of <see cref=\"KnownValues\"/>.</summary>\n");
        sb.Append("        public override bool IsKnown => global::System.Linq.Enumerable.Contains(KnownValues, this);\n\n");
        sb.Append("        /// <summary>Returns the known instance for <paramref name=\"value\"/>, or a new one for a value this client does not know.</summary>\n");
        sb.Append("        public static ").Append(e.Name).Append(" Parse(string value)\n        {\n            switch (value)\n            {\n");
        for (var i = 0; i < e.Values.Count; i++)
        {
            sb.Append("                case ").Append(CSharpSource.Literal(e.Values[i])).Append(": return ").Append(members[i]).Append(";\n");
        }

        sb.Append("                default: return new ").Append(e.Name).Append("(value);\n            }\n        }\n\n");
        sb.Append("        /// <summary>Converts a string, keeping values this client does not know.</summary>\n");
        sb.Append("        public static implicit operator ").Append(e.Name).Append("(string value) => Parse(value);\n    }\n\n");
    }

    private static List<string> MemberNames(ExtensibleEnum e)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { e.Name, "Value", "KnownValues", "IsKnown", "Parse", "Equals", "GetHashCode", "ToString" };
        var names = new List<string>();
        foreach (var v in e.Values)
        {
            var name = Naming.Member(v);
            var candidate = name;
            for (var i = 2; !used.Add(candidate); i++)
            {
                candidate = name + i;
            }

            names.Add(candidate);
        }

        return names;
    }
}
