using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Conformance;

/// <summary>
/// What a conformance run against the fake server must report for the spec in use, worked out from the spec itself:
/// a check per request example (skipped where its curl snippet holds no JSON object: a form upload) and, for each
/// operation with an example sent, three probes, each skipped where the request schema lacks its feature
/// (<c>stream</c>/<c>stream_options</c>, <c>tools</c>, a required member) or the spec names none; everything else a PASS.
/// </summary>
public static class FakeServerExpectations
{
    private static readonly ExampleValidator Validator = new(SpecDocument.Embedded);

    /// <summary>The examples with a request, in spec order.</summary>
    public static IReadOnlyList<SpecExample> Examples => SpecDocument.Embedded.Examples.Where(e => e.Request != null).ToList();

    /// <summary>Whether the example's request is a JSON object the run sends (a form upload's curl snippet is not).</summary>
    public static bool Sent(SpecExample example) => Validator.Validate(example.Request!) is { FormFields: false } request && request.Values.FirstOrDefault() is JObject;

    /// <summary>Each operation with an example sent and its request schema (null when the spec names none): it gets the probes.</summary>
    public static IReadOnlyList<(string Operation, string? Schema)> Probed =>
        Examples.Where(Sent).GroupBy(e => e.Operation).Select(g => (g.Key, g.First().Request!.SchemaName)).ToList();

    /// <summary>Each probed operation with its request schema.</summary>
    public static IReadOnlyList<(string Operation, string Schema)> Operations =>
        Probed.Where(o => o.Schema != null).Select(o => (o.Operation, o.Schema!)).ToList();

    /// <summary>Why the usage probe of an operation is skipped, or null when it is sent.</summary>
    public static string? UsageSkip((string Operation, string? Schema) operation) => Lacks(operation.Schema, "stream", "stream_options");

    /// <summary>Why the tool-call probe of an operation is skipped, or null when it is sent.</summary>
    public static string? ToolsSkip((string Operation, string? Schema) operation) => Lacks(operation.Schema, "tools");

    /// <summary>Whether the invalid-request probe of an operation is sent: it breaks a required member.</summary>
    public static bool InvalidSent((string Operation, string? Schema) operation) => operation.Schema != null && SpecExamples.RequiresAny(operation.Schema);

    /// <summary>The closing line: every check sent passes.</summary>
    public static string Summary
    {
        get
        {
            var checks = Examples.Count + (3 * Probed.Count);
            var skipped = Examples.Count(e => !Sent(e))
                          + Probed.Sum(o => (UsageSkip(o) != null ? 1 : 0) + (ToolsSkip(o) != null ? 1 : 0) + (InvalidSent(o) ? 0 : 1));
            return $"{checks} checks: {checks - skipped} PASS, 0 DEPARTS, 0 FAIL, {skipped} SKIP";
        }
    }

    /// <summary>
    /// The allowances for schema findings of the answers to examples sent: where the fake server's answers depart
    /// ("the spec names no schema" is no departure: such an answer is only read through the client). An example whose
    /// own request breaks the request schema is rejected by the fake server, so its answer is never sent.
    /// </summary>
    public static IReadOnlyList<ExampleAllowance> ResponseAllowances(IEnumerable<ExampleAllowance> allowances)
    {
        var schemaFindings = allowances.Where(a => a.Category is null or FindingCategory.Schema && a.Code != "NoSchema").ToList();
        var rejected = schemaFindings.Where(a => a.Example.EndsWith(" / request", StringComparison.Ordinal)).Select(a => a.Example.Substring(0, a.Example.Length - " / request".Length));
        var answered = Examples.Where(Sent).Select(e => e.Operation + " / " + e.Title).Except(rejected).Select(e => e + " / response").ToHashSet(StringComparer.Ordinal);
        return schemaFindings.Where(a => answered.Contains(a.Example)).ToList();
    }

    private static string? Lacks(string? schema, params string[] members)
    {
        if (schema == null)
        {
            return "the spec names no request schema for the operation";
        }

        var missing = members.Where(m => !SpecExamples.HasMember(schema, m)).ToList();
        return missing.Count == 0 ? null : $"the spec's {schema} has no {string.Join(" or ", missing)}";
    }
}
