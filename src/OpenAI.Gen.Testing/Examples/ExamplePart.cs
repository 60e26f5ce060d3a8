namespace OpenAI.Gen.Testing;

/// <summary>One checkable part of a <see cref="SpecExample"/>: a request body, a response, or an object example.</summary>
public sealed class ExamplePart
{
    internal ExamplePart(SpecExample example, ExamplePartKind kind, string? text, string? schemaName, TextOrigin origin)
    {
        Example = example;
        Kind = kind;
        Text = text;
        SchemaName = schemaName;
        Origin = origin;
    }

    /// <summary>The example it belongs to.</summary>
    public SpecExample Example { get; }

    /// <summary>Which part it is.</summary>
    public ExamplePartKind Kind { get; }

    /// <summary>The readable name, unique in a spec: <c>operation / title / part</c>, e.g. <c>createChatCompletion / Functions / response</c>.</summary>
    public string Name => $"{Example.Operation} / {Example.Title} / {Kind.ToString().ToLowerInvariant()}";

    /// <summary>The text as written in the spec: for a request the whole curl snippet; null when the spec has none.</summary>
    public string? Text { get; }

    /// <summary>The component schema it is checked against (and whose DTO it round-trips through), or null when the spec names none.</summary>
    public string? SchemaName { get; }

    /// <summary>JSON pointer of the spec node holding <see cref="Text"/> (or of the example when the text is missing).</summary>
    public string Pointer => Origin.Pointer;

    internal TextOrigin Origin { get; }

    /// <summary>The <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
