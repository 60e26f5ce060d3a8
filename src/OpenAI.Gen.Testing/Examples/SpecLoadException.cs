using System;

namespace OpenAI.Gen.Testing;

/// <summary>A spec that cannot be read at all: not YAML, not OpenAPI, or a broken <c>$ref</c>. Names the source and line.</summary>
public sealed class SpecLoadException : Exception
{
    /// <summary>Creates the exception for <paramref name="sourceName"/> at <paramref name="line"/>:<paramref name="column"/> (0 when unknown).</summary>
    public SpecLoadException(string sourceName, int line, int column, string reason, Exception? innerException = null)
        : base(line > 0 ? $"{sourceName}:{line}:{column}: {reason}" : $"{sourceName}: {reason}", innerException)
    {
        SourceName = sourceName;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The file or resource the spec was read from.</summary>
    public string SourceName { get; }

    /// <summary>1-based line of the fault, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column of the fault, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
}
