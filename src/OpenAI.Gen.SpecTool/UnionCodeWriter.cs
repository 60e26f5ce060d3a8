using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace OpenAI.Gen.SpecTool;

/// <summary>
/// Writes the C# of the untagged unions the normalizer typed: per union a class holding one member's value, with
/// <c>IsX</c>, <c>FromX</c>, <c>TryGetX</c> and implicit conversions per member, and a converter built on the library's
/// <c>UnionConverter</c> that keeps the wire shape, keeps objects no member matches, and rejects other shapes with the
/// JSON path. Hand-written partials add conveniences on top.
/// </summary>
public static class UnionCodeWriter
{
    private const string Enumerable = "System.Collections.Generic.IEnumerable";
    private const string ArgumentNull = "throw new System.ArgumentNullException(nameof(value))";

    /// <summary>Returns the generated C# source for <paramref name="unions"/>.</summary>
    public static string Write(IEnumerable<GeneratedUnion> unions, string ns)
    {
        var sb = CSharpSource.Begin(ns);
        foreach (var union in unions.OrderBy(u => u.Name, StringComparer.Ordinal))
        {
            WriteOne(sb, union);
        }

        return CSharpSource.End(sb);
    }

    private static void WriteOne(StringBuilder sb, GeneratedUnion u)
    {
        var n = u.Name;
        var summary = u.Description is { } d ? CSharpSource.Doc(d) : $"One of: {CSharpSource.Doc(u.Shape)}.";
        sb.Append($"    /// <summary>{summary}</summary>\n");
        sb.Append($"    /// <remarks>The union at <c>{CSharpSource.Doc(u.Location)}</c> ({CSharpSource.Doc(u.Shape)}); it is written in the shape it was created or read with.")
            .Append(u.KeepsUnknownObjects ? " An object none of its members matches (from a newer server) is kept as JSON." : string.Empty).Append("</remarks>\n");
        sb.Append($"    [Newtonsoft.Json.JsonConverter(typeof({n}Converter))]\n");
        sb.Append("    [global::System.CodeDom.Compiler.GeneratedCode(\"OpenAI.Gen.SpecTool\", \"1.0\")]\n");
        sb.Append($"    public sealed partial class {n}\n    {{\n");
        sb.Append($"        internal static readonly UnionLayout<{n}> Layout = new(\n");
        sb.Append($"            {CSharpSource.Literal(u.Member)},\n");
        sb.Append($"            {(u.TagProperty is { } tag ? CSharpSource.Literal(tag) : "null")},\n");
        sb.Append($"            (index, value) => new {n}(index, value),\n");
        sb.Append("            union => union._index,\n");
        sb.Append("            union => union._value");
        foreach (var v in u.Variants)
        {
            sb.Append(",\n            new UnionVariant(").Append(ShapeExpression(v.Shape));
            if (v.TagValue != null || v.Required.Count > 0)
            {
                sb.Append(", ").Append(v.TagValue is { } value ? CSharpSource.Literal(value) : "null").Append(", ")
                    .Append(v.Required.Count == 0 ? "System.Array.Empty<string>()" : "new[] { " + string.Join(", ", v.Required.Select(CSharpSource.Literal)) + " }");
            }

            sb.Append(')');
        }

        sb.Append(");\n\n");
        sb.Append("        private readonly int _index;\n        private readonly object _value;\n\n");
        sb.Append($"        private {n}(int index, object value)\n        {{\n            _index = index;\n            _value = value;\n        }}\n\n");

        for (var i = 0; i < u.Variants.Count; i++)
        {
            var v = u.Variants[i];
            sb.Append($"        /// <summary>Whether this is the {v.Name} member: {Wire(v.Shape)}.</summary>\n");
            sb.Append($"        public bool Is{v.Name} => _index == {i};\n\n");
        }

        if (u.KeepsUnknownObjects)
        {
            sb.Append("        /// <summary>Whether this is an object none of the members matches (from a newer server), kept as JSON.</summary>\n");
            sb.Append("        public bool IsUnknown => _index < 0;\n\n");
        }

        var conversions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (v, i) in u.Variants.Select((v, i) => (v, i)))
        {
            WriteFactories(sb, n, v, i, conversions);
        }

        foreach (var (v, i) in u.Variants.Select((v, i) => (v, i)))
        {
            var type = v.Shape.CSharpType;
            sb.Append($"        /// <summary>Gets the value when this is the {v.Name} member.</summary>\n");
            sb.Append($"        public bool TryGet{v.Name}(")
                .Append(v.Shape.IsValueType ? $"out {type} value" : $"[System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {type}? value").Append(")\n        {\n");
            sb.Append($"            if (_index == {i})\n            {{\n                value = ({type})_value;\n                return true;\n            }}\n\n");
            sb.Append("            value = default;\n            return false;\n        }\n\n");
        }

        if (u.KeepsUnknownObjects)
        {
            sb.Append("        /// <summary>Gets the object when none of the members matches it (<see cref=\"IsUnknown\"/>).</summary>\n");
            sb.Append("        public bool TryGetUnknown([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Newtonsoft.Json.Linq.JObject? value)\n        {\n");
            sb.Append("            value = _index < 0 ? (Newtonsoft.Json.Linq.JObject)_value : null;\n            return value != null;\n        }\n\n");
        }

        sb.Append("        /// <summary>The JSON this is written as.</summary>\n");
        sb.Append("        public override string ToString() => Newtonsoft.Json.JsonConvert.SerializeObject(this);\n    }\n\n");
        sb.Append($"    /// <summary>Reads and writes <see cref=\"{n}\"/> by its layout.</summary>\n");
        sb.Append($"    internal sealed class {n}Converter : UnionConverter<{n}>\n    {{\n");
        sb.Append($"        /// <summary>Creates the converter.</summary>\n        public {n}Converter()\n            : base({n}.Layout)\n        {{\n        }}\n    }}\n\n");
    }

    private static void WriteFactories(StringBuilder sb, string n, UnionVariant v, int i, HashSet<string> conversions)
    {
        var shape = v.Shape;
        var wire = Wire(shape);
        var throws = shape.IsValueType ? string.Empty : "\n        /// <exception cref=\"System.ArgumentNullException\"><paramref name=\"value\"/>" + (shape.Kind == "array" ? " or one of its items" : string.Empty) + " is null.</exception>";
        sb.Append($"        /// <summary>The {v.Name} member: {wire}.</summary>{throws}\n");
        sb.Append($"        public static {n} From{v.Name}({ParameterType(shape)} value) => new({i}, {Copy(shape, "value", true)});\n\n");
        if (shape.Kind == "array" && shape.Item!.Kind != "array")
        {
            sb.Append($"        /// <summary>The {v.Name} member: {wire}.</summary>{throws}\n");
            sb.Append($"        public static {n} From{v.Name}(params {shape.Item.CSharpType}[] value) => From{v.Name}(({ParameterType(shape)})value);\n\n");
        }

        var sources = shape.Kind != "array" ? new[] { shape.CSharpType }
            : shape.Item!.Kind == "array" ? new[] { shape.Item.Item!.CSharpType + "[][]" }
            : new[] { shape.Item.CSharpType + "[]", "System.Collections.Generic.List<" + shape.Item.CSharpType + ">" };
        foreach (var source in sources.Where(conversions.Add))
        {
            var argument = source.StartsWith("System.Collections.Generic.List<", StringComparison.Ordinal) || (shape.Kind == "array" && source.EndsWith("[]", StringComparison.Ordinal) && shape.Item!.Kind != "array")
                ? $"({ParameterType(shape)})value" : "value";
            sb.Append($"        /// <summary>Converts to the {v.Name} member (see <c>From{v.Name}</c>).</summary>\n");
            sb.Append($"        public static implicit operator {n}({source} value) => From{v.Name}({argument});\n\n");
        }
    }

    // The factory's parameter type: arrays are taken as sequences (of sequences).
    private static string ParameterType(UnionShape shape) =>
        shape.Kind == "array" ? $"{Enumerable}<{ParameterType(shape.Item!)}>" : shape.CSharpType;

    // The value to store: null checked, arrays copied into read-only lists.
    private static string Copy(UnionShape shape, string value, bool top)
    {
        if (shape.Kind != "array")
        {
            return shape.IsValueType || !top ? value : $"{value} ?? {ArgumentNull}";
        }

        if (shape.Item!.Kind != "array")
        {
            return $"UnionValues.List({value}, nameof(value))";
        }

        return $"UnionValues.List(System.Linq.Enumerable.Select({value} ?? {ArgumentNull}, item => {Copy(shape.Item, "item", false)}), nameof(value))";
    }

    private static string ShapeExpression(UnionShape shape) => shape.Kind switch
    {
        "string" => "UnionShapes.String",
        "integer" => "UnionShapes.Int32",
        "integer64" => "UnionShapes.Int64",
        "number" => "UnionShapes.Double",
        "boolean" => "UnionShapes.Boolean",
        "array" => $"UnionShapes.Array({ShapeExpression(shape.Item!)})",
        "enum" => $"UnionShapes.Serialized<{shape.TypeName}>(Newtonsoft.Json.JsonToken.String, {CSharpSource.Literal("a " + shape.TypeName + " value")})",
        "json" => "UnionShapes.Serialized<Newtonsoft.Json.Linq.JObject>(Newtonsoft.Json.JsonToken.StartObject, \"an object\")",
        _ => $"UnionShapes.Serialized<{shape.TypeName}>(Newtonsoft.Json.JsonToken.StartObject, {CSharpSource.Literal("a " + shape.TypeName + " object")})",
    };

    // How the member is written, for docs: "a JSON string", "a JSON array of ChatCompletionRequestMessageContentPart".
    private static string Wire(UnionShape shape) => shape.Kind switch
    {
        "array" => "a JSON array of " + Plural(shape.Item!),
        "object" => $"a <see cref=\"{shape.TypeName}\"/> (a JSON object)",
        "enum" => $"a <see cref=\"{shape.TypeName}\"/> (a JSON string)",
        "json" => "a JSON object, kept as JSON",
        "integer" or "integer64" => "a JSON integer",
        "boolean" => "JSON true or false",
        _ => "a JSON " + shape.Kind,
    };

    private static string Plural(UnionShape item) => item.Kind switch
    {
        "array" => "arrays of " + Plural(item.Item!),
        "object" or "enum" => $"<see cref=\"{item.TypeName}\"/> values",
        "json" => "objects",
        "integer64" => "integers",
        "boolean" => "booleans",
        _ => item.Kind + "s",
    };
}
