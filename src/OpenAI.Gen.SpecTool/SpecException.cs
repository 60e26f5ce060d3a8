using System;

namespace OpenAI.Gen.SpecTool;

/// <summary>A spec that cannot be used, with the file and position it concerns.</summary>
public sealed class SpecException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SpecException(string file, int line, int column, string reason)
        : base($"{file}({line},{column}): error OAIGEN001: {reason}")
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The spec file.</summary>
    public string File { get; }

    /// <summary>1-based line, 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column, 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
