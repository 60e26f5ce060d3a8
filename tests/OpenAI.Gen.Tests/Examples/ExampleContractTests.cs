using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Examples;

/// <summary>
/// One test per x-oaiMeta example part of openapi/openai.yaml: an example added to the spec adds a test here with no
/// code change. Each part must be schema-valid and survive the DTO round trip, except findings the committed
/// allowances (openapi/example-allowances.json) list with a reason; repaired text defects are listed, not failed.
/// </summary>
public class ExampleContractTests
{
    private static readonly ExampleValidator Validator = new(RepoExamples.Spec, RepoExamples.Options());

    /// <summary>Every part name of the committed spec.</summary>
    public static IEnumerable<TestCaseData> Parts() =>
        RepoExamples.Spec.Parts.Select(p => new TestCaseData(p.Name).SetName(p.Name));

    [TestCaseSource(nameof(Parts))]
    public void Example_part_matches_schema_and_DTO(string name)
    {
        var result = Validator.Validate(RepoExamples.Spec.Part(name));

        Assert.That(result.Passed, Is.True, result.ToString());
        if (result.Values.Count == 0)
        {
            // A part the spec leaves without JSON (an upload's form, an audio answer, an empty response) passes only as a
            // named defect of the spec (MissingCurlBody, MissingResponse, NotJson) that the report lists.
            Assert.That(result.Defects, Is.Not.Empty, "no JSON was read, so nothing was checked");
            Assert.That((result.Schema, result.RoundTrip), Is.EqualTo((CheckOutcome.NotRun, CheckOutcome.NotRun)));
            return;
        }

        Assert.That(result.Schema, Is.AnyOf(CheckOutcome.Passed, CheckOutcome.Allowed), result.ToString());
        // An upload's form fields (curl -F) are checked against the form schema only: no JSON DTO reads a form.
        Assert.That(result.RoundTrip, result.FormFields ? Is.EqualTo(CheckOutcome.NotRun) : Is.AnyOf(CheckOutcome.Passed, CheckOutcome.Allowed), result.ToString());
    }

    [Test]
    public void The_committed_spec_has_examples_for_both_operations_and_their_objects()
    {
        var operations = RepoExamples.Spec.Examples.Select(e => e.Operation).Distinct().ToList();
        Assert.That(operations, Is.SupersetOf(new[] { "createChatCompletion", "createCompletion", "CreateChatCompletionResponse", "CreateChatCompletionStreamResponse", "CreateCompletionResponse" }));
        Assert.That(RepoExamples.Spec.Notes, Is.Empty);
    }

    [Test]
    public void Every_committed_allowance_is_still_needed()
    {
        var report = new ExampleValidator(RepoExamples.Spec, RepoExamples.Options()).ValidateAll();

        Assert.That(report.UnusedAllowances, Is.Empty, "a spec fix made these allowances stale: remove them");
        Assert.That(report.Passed, Is.True);
    }

    [Test]
    public void Strict_mode_fails_exactly_the_parts_with_a_repaired_or_allowed_finding()
    {
        var lenient = new ExampleValidator(RepoExamples.Spec, RepoExamples.Options()).ValidateAll();
        var strict = new ExampleValidator(RepoExamples.Spec, RepoExamples.Options(strict: true)).ValidateAll();
        var excused = lenient.Results.Where(r => r.Findings.Any(f => f.Repaired || f.AllowedBecause != null)).Select(r => r.Part.Name).ToList();

        Assert.That(excused, Is.Not.Empty, "every committed spec so far has defective examples");
        Assert.That(strict.Results.Where(r => !r.Passed).Select(r => r.Part.Name), Is.EquivalentTo(excused));
    }

    [Test]
    public void Strict_mode_fails_the_committed_spec_on_its_real_defects()
    {
        SeedOnly.Require();
        var report = new ExampleValidator(RepoExamples.Spec, RepoExamples.Options(strict: true)).ValidateAll();
        var failed = report.Results.Where(r => !r.Passed).Select(r => r.Part.Name).ToList();

        Assert.That(report.Passed, Is.False);
        Assert.That(failed, Does.Contain("createChatCompletion / Default / response"), "trailing comma");
        Assert.That(failed, Does.Contain("createChatCompletion / Streaming / response"), "elision line");
        Assert.That(failed, Does.Contain("createCompletion / Streaming / response"), "missing comma");
        Assert.That(failed, Does.Contain("createChatCompletion / Logprobs / response"), "allowed schema deviation");
        Assert.That(failed, Does.Not.Contain("createChatCompletion / Functions / response"), "a clean example stays green");
    }
}
