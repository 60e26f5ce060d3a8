using System.Text;

namespace OpenAI.Gen.Testing;

/// <summary>One way an answer departs from the spec: where (chunk, JSON path) and which rule.</summary>
public sealed class ConformanceDeparture
{
    /// <summary>Creates a departure.</summary>
    public ConformanceDeparture(string code, string path, string rule, int? chunk = null)
    {
        Code = code;
        Path = path;
        Rule = rule;
        Chunk = chunk;
    }

    /// <summary>
    /// Its kind: an NJsonSchema error kind (<c>NotInEnumeration</c>, <c>PropertyRequired</c>, …) for a schema rule, or
    /// one of the protocol rules (<c>ContentType</c>, <c>NoDoneEvent</c>, <c>NoUsage</c>, <c>NoToolCall</c>, <c>ErrorStatus</c>, <c>ErrorBody</c>, <c>UnexpectedBody</c>).
    /// </summary>
    public string Code { get; }

    /// <summary>JSON path in the answer (<c>$.choices[0].finish_reason</c>), or <c>$</c> for the answer as a whole.</summary>
    public string Path { get; }

    /// <summary>The rule broken, for people, e.g. <c>"" is not one of stop, length, …</c>.</summary>
    public string Rule { get; }

    /// <summary>1-based number of the stream chunk (event) it is in, or null for a whole answer.</summary>
    public int? Chunk { get; }

    /// <summary>
    /// The reason of the <see cref="ExampleAllowance"/> (of <see cref="ExampleValidationOptions.Allowances"/>) that
    /// accepts it for this example, or null. An allowed departure is listed but does not make its check depart.
    /// </summary>
    public string? AllowedBecause { get; internal set; }

    /// <summary>One line: <c>chunk 3: $.choices[0].delta.tool_calls[0].index missing</c>, and the allowance if any.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Chunk != null)
        {
            text.Append("chunk ").Append(Chunk.Value).Append(": ");
        }

        text.Append(Path).Append(Rule.StartsWith("missing", System.StringComparison.Ordinal) ? " " : ": ").Append(Rule);
        return AllowedBecause == null ? text.ToString() : text.Append(" [allowed: ").Append(AllowedBecause).Append(']').ToString();
    }
}
