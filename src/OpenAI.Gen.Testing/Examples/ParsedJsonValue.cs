using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>One JSON value read from an example text, with where it starts in that text.</summary>
internal sealed class ParsedJsonValue
{
    public ParsedJsonValue(JToken token, int line, int column)
    {
        Token = token;
        Line = line;
        Column = column;
    }

    /// <summary>The value (tokens carry line info relative to <see cref="Line"/>).</summary>
    public JToken Token { get; }

    /// <summary>1-based line of its first character in the example text.</summary>
    public int Line { get; }

    /// <summary>1-based column of its first character.</summary>
    public int Column { get; }
}
