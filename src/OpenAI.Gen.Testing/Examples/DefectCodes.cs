namespace OpenAI.Gen.Testing;

/// <summary>Names of the defects found in example texts (<see cref="FindingCategory.Defect"/>).</summary>
public static class DefectCodes
{
    /// <summary>A <c>,</c> right before <c>}</c> or <c>]</c>; repaired by dropping it.</summary>
    public const string TrailingComma = "TrailingComma";

    /// <summary>Two members or items with no <c>,</c> between them; repaired by inserting one.</summary>
    public const string MissingComma = "MissingComma";

    /// <summary>A line of dots (<c>....</c>) standing for elided stream chunks; repaired by dropping the line.</summary>
    public const string ElisionLine = "ElisionLine";

    /// <summary>Text that is not JSON and cannot be repaired; the part cannot be checked.</summary>
    public const string NotJson = "NotJson";

    /// <summary>An operation with a request body whose example has no curl snippet, or a curl snippet with no <c>-d '…'</c> body.</summary>
    public const string MissingCurlBody = "MissingCurlBody";

    /// <summary>An example with no response text (or an object example with no text).</summary>
    public const string MissingResponse = "MissingResponse";

    /// <summary>A request body holding more than one JSON value.</summary>
    public const string MultipleValues = "MultipleValues";
}
