using System;
using System.Collections.Generic;
using System.Linq;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Conformance;

/// <summary>
/// What a conformance run against the fake server must report for the spec in use, worked out from the spec itself:
/// a check per request example and three probes per operation, a probe skipped where the request schema lacks its
/// feature (<c>stream_options</c>, <c>tools</c>), everything else a PASS.
/// </summary>
public static class FakeServerExpectations
{
    /// <summary>The examples with a request, in spec order.</summary>
    public static IReadOnlyList<SpecExample> Examples => SpecDocument.Embedded.Examples.Where(e => e.Request != null).ToList();

    /// <summary>Each operation with request examples and its request schema.</summary>
    public static IReadOnlyList<(string Operation, string Schema)> Operations =>
        Examples.GroupBy(e => e.Operation).Where(g => g.First().Request!.SchemaName != null).Select(g => (g.Key, g.First().Request!.SchemaName!)).ToList();

    /// <summary>The operations whose request schema has no <c>stream_options</c> (their usage probe is skipped).</summary>
    public static IReadOnlyList<(string Operation, string Schema)> LackingUsage =>
        Operations.Where(o => !SpecExamples.HasMember(o.Schema, "stream_options")).ToList();

    /// <summary>The closing line: every check sent passes.</summary>
    public static string Summary
    {
        get
        {
            var checks = Examples.Count + (3 * Operations.Count);
            var skipped = LackingUsage.Count + Operations.Count(o => !SpecExamples.HasMember(o.Schema, "tools"));
            return $"{checks} checks: {checks - skipped} PASS, 0 DEPARTS, 0 FAIL, {skipped} SKIP";
        }
    }

    /// <summary>The allowances for schema findings of example responses: where the fake server's answers depart.</summary>
    public static IReadOnlyList<ExampleAllowance> ResponseAllowances(IEnumerable<ExampleAllowance> allowances) =>
        allowances.Where(a => a.Example.EndsWith(" / response", StringComparison.Ordinal) && a.Category is null or FindingCategory.Schema).ToList();
}
