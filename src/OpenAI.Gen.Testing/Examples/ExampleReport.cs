using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>The validation of every example part of a spec.</summary>
public sealed class ExampleReport
{
    internal ExampleReport(string sourceName, bool strict, IReadOnlyList<ExamplePartResult> results, IReadOnlyList<string> notes, IReadOnlyList<ExampleAllowance> unusedAllowances)
    {
        SourceName = sourceName;
        Strict = strict;
        Results = results;
        Notes = notes;
        UnusedAllowances = unusedAllowances;
    }

    /// <summary>The spec validated.</summary>
    public string SourceName { get; }

    /// <summary>Whether strict mode was on.</summary>
    public bool Strict { get; }

    /// <summary>One result per example part, in spec order.</summary>
    public IReadOnlyList<ExamplePartResult> Results { get; }

    /// <summary>Remarks not about one part (e.g. that the spec has no examples).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Allowances that matched no finding: stale, to be removed.</summary>
    public IReadOnlyList<ExampleAllowance> UnusedAllowances { get; }

    /// <summary>Every part passed and every allowance was needed.</summary>
    public bool Passed => Results.All(r => r.Passed) && UnusedAllowances.Count == 0;

    /// <summary>The report as indented JSON (what <c>validate-examples --json</c> writes).</summary>
    public string ToJson()
    {
        var parts = new JArray(Results.Select(r => new JObject
        {
            ["name"] = r.Part.Name,
            ["operation"] = r.Part.Example.Operation,
            ["title"] = r.Part.Example.Title,
            ["part"] = r.Part.Kind.ToString().ToLowerInvariant(),
            ["schema"] = r.Part.SchemaName,
            ["schemaValid"] = r.Schema.ToString(),
            ["roundTrip"] = r.RoundTrip.ToString(),
            ["passed"] = r.Passed,
            ["defects"] = new JArray(r.Defects.Select(d => d.Code).Distinct()),
            ["findings"] = new JArray(r.Findings.Select(f => new JObject
            {
                ["category"] = f.Category.ToString(),
                ["code"] = f.Code,
                ["message"] = f.Message,
                ["path"] = f.Path,
                ["chunk"] = f.Chunk,
                ["repaired"] = f.Repaired,
                ["allowedBecause"] = f.AllowedBecause,
                ["failure"] = f.IsFailure(Strict),
                ["location"] = new JObject
                {
                    ["file"] = f.Location.SourceName,
                    ["line"] = f.Location.Line,
                    ["column"] = f.Location.Column,
                    ["pointer"] = f.Location.Pointer,
                    ["textLine"] = f.Location.TextLine,
                    ["textColumn"] = f.Location.TextColumn,
                },
            })),
        }));

        var report = new JObject
        {
            ["source"] = SourceName,
            ["strict"] = Strict,
            ["passed"] = Passed,
            ["notes"] = new JArray(Notes),
            ["parts"] = parts,
            ["unusedAllowances"] = new JArray(UnusedAllowances.Select(a => new JObject
            {
                ["example"] = a.Example,
                ["code"] = a.Code,
                ["path"] = a.Path,
                ["reason"] = a.Reason,
            })),
        };
        return report.ToString(Formatting.Indented);
    }
}
