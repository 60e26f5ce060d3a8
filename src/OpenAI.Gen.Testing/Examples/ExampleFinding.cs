using System.Text;

namespace OpenAI.Gen.Testing;

/// <summary>One thing found in an example part: a defect of its text, a schema error or a DTO round-trip difference.</summary>
public sealed class ExampleFinding
{
    /// <summary>Creates a finding.</summary>
    public ExampleFinding(FindingCategory category, string code, string message, ExampleLocation location, string? path = null, int? chunk = null, bool repaired = false)
    {
        Category = category;
        Code = code;
        Message = message;
        Location = location;
        Path = path;
        Chunk = chunk;
        Repaired = repaired;
    }

    /// <summary>Which check found it.</summary>
    public FindingCategory Category { get; }

    /// <summary>Its name: one of <see cref="DefectCodes"/>, <see cref="RoundTripCodes"/> or an NJsonSchema error kind.</summary>
    public string Code { get; }

    /// <summary>What is wrong, for people.</summary>
    public string Message { get; }

    /// <summary>Where it is in the spec.</summary>
    public ExampleLocation Location { get; }

    /// <summary>JSON path inside the example value (<c>#/choices[0].finish_reason</c>), when it concerns a value.</summary>
    public string? Path { get; }

    /// <summary>1-based number of the JSON value in a JSON-lines (streaming) example, or null for a single value.</summary>
    public int? Chunk { get; }

    /// <summary>Whether lenient parsing repaired it (a defect the lenient mode allows; strict mode does not).</summary>
    public bool Repaired { get; }

    /// <summary>The reason of the allowance that matches it, or null.</summary>
    public string? AllowedBecause { get; internal set; }

    /// <summary>Whether it makes its part fail: in strict mode always; otherwise unless repaired or allowed.</summary>
    public bool IsFailure(bool strict) => strict || !(Repaired || AllowedBecause != null);

    /// <summary>One line: code, chunk, path, message, location, and how it was allowed.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Code);
        if (Chunk != null)
        {
            text.Append(" chunk ").Append(Chunk.Value);
        }

        if (Path != null)
        {
            text.Append(' ').Append(Path);
        }

        text.Append(": ").Append(Message).Append(" (").Append(Location).Append(')');
        if (Repaired)
        {
            text.Append(" [repaired]");
        }

        if (AllowedBecause != null)
        {
            text.Append(" [allowed: ").Append(AllowedBecause).Append(']');
        }

        return text.ToString();
    }
}
