using System.Collections.Generic;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>What <see cref="ExampleValidator"/> found in one <see cref="ExamplePart"/>.</summary>
public sealed class ExamplePartResult
{
    internal ExamplePartResult(ExamplePart part, bool strict, CheckOutcome schema, CheckOutcome roundTrip, IReadOnlyList<ExampleFinding> findings, IReadOnlyList<JToken> values, bool formFields = false)
    {
        FormFields = formFields;
        Part = part;
        Strict = strict;
        Schema = schema;
        RoundTrip = roundTrip;
        Findings = findings;
        Values = values;
    }

    /// <summary>The part checked.</summary>
    public ExamplePart Part { get; }

    /// <summary>Whether it was judged in strict mode.</summary>
    public bool Strict { get; }

    /// <summary>The JSON Schema check.</summary>
    public CheckOutcome Schema { get; }

    /// <summary>The DTO round-trip check.</summary>
    public CheckOutcome RoundTrip { get; }

    /// <summary>Everything found: defects, schema errors, round-trip differences.</summary>
    public IReadOnlyList<ExampleFinding> Findings { get; }

    /// <summary>The defects of the text (repaired or not).</summary>
    public IEnumerable<ExampleFinding> Defects => Findings.Where(f => f.Category == FindingCategory.Defect);

    /// <summary>
    /// Whether <see cref="Values"/> holds the fields of an upload's form (<c>curl -F</c>, as a JSON object checked against
    /// the form schema, with no round trip) rather than a JSON body the request sends.
    /// </summary>
    public bool FormFields { get; }

    /// <summary>The JSON values read (after repairs): one, or one per chunk of a JSON-lines example; empty when none could be read.</summary>
    public IReadOnlyList<JToken> Values { get; }

    /// <summary>No finding counts as a failure (see <see cref="ExampleFinding.IsFailure"/>).</summary>
    public bool Passed => !Findings.Any(f => f.IsFailure(Strict));

    /// <summary>A multi-line account: the name, both outcomes and every finding.</summary>
    public override string ToString()
    {
        var text = new StringBuilder()
            .Append(Part.Name).Append(": ").Append(Passed ? "passed" : "FAILED")
            .Append(" (schema ").Append(Schema).Append(", round trip ").Append(RoundTrip).Append(')');
        foreach (var finding in Findings)
        {
            text.AppendLine().Append("  ").Append(finding.IsFailure(Strict) ? "FAIL " : "ok   ").Append(finding);
        }

        return text.ToString();
    }
}
