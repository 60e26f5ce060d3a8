namespace OpenAI.Gen;

/// <summary>One path, query or header parameter of an <see cref="OpenAIOperation"/>, as the spec describes it.</summary>
internal sealed class OperationParameter
{
    internal OperationParameter(string name, ParameterLocation location, ParameterStyle style, bool explode, bool required)
    {
        Name = name;
        Location = location;
        Style = style;
        Explode = explode;
        Required = required;
    }

    /// <summary>The name on the wire.</summary>
    internal string Name { get; }

    internal ParameterLocation Location { get; }

    internal ParameterStyle Style { get; }

    /// <summary>Whether an array or object is sent as one pair per item (OpenAPI <c>explode</c>).</summary>
    internal bool Explode { get; }

    internal bool Required { get; }
}
