namespace OpenAI.Gen.Testing;

/// <summary>Where something in an example is: the spec file position, the spec node, and the position inside the example's text.</summary>
public sealed class ExampleLocation
{
    /// <summary>Creates a location.</summary>
    public ExampleLocation(string sourceName, string pointer, int line, int column, int textLine, int textColumn)
    {
        SourceName = sourceName;
        Pointer = pointer;
        Line = line;
        Column = column;
        TextLine = textLine;
        TextColumn = textColumn;
    }

    /// <summary>The spec file (or embedded resource) name.</summary>
    public string SourceName { get; }

    /// <summary>JSON pointer of the spec node holding the example text, e.g. <c>/paths/~1completions/post/x-oaiMeta/examples/1/response</c>.</summary>
    public string Pointer { get; }

    /// <summary>1-based line in the spec file; the node's own line when the exact line is not known.</summary>
    public int Line { get; }

    /// <summary>1-based column in the spec file, or 0 when only the line is known.</summary>
    public int Column { get; }

    /// <summary>1-based line inside the example text (for a request: inside the curl body).</summary>
    public int TextLine { get; }

    /// <summary>1-based column inside the example text.</summary>
    public int TextColumn { get; }

    /// <summary><c>file:line:column</c>, the form editors and CI logs link to.</summary>
    public override string ToString() => Column > 0 ? $"{SourceName}:{Line}:{Column}" : $"{SourceName}:{Line}";
}
