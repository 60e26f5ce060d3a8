using System.Globalization;

namespace OpenAI.Gen.SpecTool;

/// <summary>
/// The JSON shape of one member of an untagged union: a primitive (<c>string</c>, <c>integer</c>, <c>integer64</c>,
/// <c>number</c>, <c>boolean</c>), a value of a generated type (<c>object</c>: a class, <c>enum</c>: an open enum
/// read from a string, <c>json</c>: an object with no declared members, kept as JSON), or an <c>array</c> of a shape.
/// </summary>
public sealed record UnionShape(string Kind, string? TypeName = null, UnionShape? Item = null)
{
    /// <summary>The shape as the spec tool writes unions in messages and name maps ("string[]", "ChatCompletionNamedToolChoice").</summary>
    public string Describe() => Kind switch
    {
        "array" => Item!.Describe() + "[]",
        "object" or "enum" => TypeName!,
        "integer64" => "integer",
        "json" => "object",
        _ => Kind,
    };

    /// <summary>The JSON token class a value starts with: two members of one union may not share it, objects aside.</summary>
    public string Token => Kind switch
    {
        "enum" or "string" => "string",
        "integer64" or "integer" or "number" => "number",
        "json" or "object" => "object",
        _ => Kind,
    };

    /// <summary>The C# type a value is held as.</summary>
    public string CSharpType => Kind switch
    {
        "string" => "string",
        "integer" => "int",
        "integer64" => "long",
        "number" => "double",
        "boolean" => "bool",
        "json" => "Newtonsoft.Json.Linq.JObject",
        "array" => "System.Collections.Generic.IReadOnlyList<" + Item!.CSharpType + ">",
        _ => TypeName!,
    };

    /// <summary>Whether the C# type is a value type (no null check, no nullable annotation).</summary>
    public bool IsValueType => Kind is "integer" or "integer64" or "number" or "boolean";

    /// <summary>The member name the naming rule gives this shape: "String", "Strings", "IntegerArrays", the type name.</summary>
    public string MemberName() => Kind == "array" ? Plural(Item!.Noun()) : Noun();

    private string Noun() => Kind switch
    {
        "array" => Item!.Noun() + "Array",
        "object" or "enum" => TypeName!,
        "json" => "Object",
        "integer64" => "Integer",
        _ => char.ToUpper(Kind[0], CultureInfo.InvariantCulture) + Kind.Substring(1),
    };

    private static string Plural(string noun) =>
        noun.EndsWith("s", System.StringComparison.Ordinal) || noun.EndsWith("x", System.StringComparison.Ordinal) || noun.EndsWith("ch", System.StringComparison.Ordinal) ? noun + "es"
        : noun.Length > 1 && noun.EndsWith("y", System.StringComparison.Ordinal) && "aeiou".IndexOf(noun[noun.Length - 2]) < 0 ? noun.Substring(0, noun.Length - 1) + "ies"
        : noun + "s";
}
