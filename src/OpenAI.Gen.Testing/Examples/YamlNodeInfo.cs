namespace OpenAI.Gen.Testing;

/// <summary>Where a JSON token of the spec came from in its YAML source (kept as a token annotation).</summary>
internal sealed class YamlNodeInfo
{
    public YamlNodeInfo(int line, int column)
    {
        Line = line;
        Column = column;
    }

    /// <summary>1-based line of the node's first character (for a block scalar: its <c>|</c> or <c>&gt;</c>).</summary>
    public int Line { get; }

    /// <summary>1-based column of the node's first character.</summary>
    public int Column { get; }
}
