using System.Linq;
using NUnit.Framework;
using OpenAI.Gen.Testing;

namespace OpenAI.Gen.Tests.Examples;

/// <summary>
/// A body whose schema the spec writes in place (no component schema names it) is still validated, against that schema,
/// and round-tripped through the type the generated client sends or answers with.
/// </summary>
public class InlineBodyTests
{
    private const string Spec = @"openapi: 3.0.0
info:
  title: inline
  version: '1'
paths:
  /things/{id}:
    post:
      operationId: patchThing
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [name]
              properties:
                name: { type: string }
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema:
                type: object
                required: [id, count]
                properties:
                  id: { type: string }
                  count: { type: integer }
      x-oaiMeta:
        examples:
          - title: Default
            request:
              curl: |
                curl https://example.invalid/things/a \
                  -d '{""name"": 3}'
            response: |
              {""id"": ""a"", ""count"": 2}
";

    private static readonly SpecDocument Document = SpecDocument.Parse(Spec, "inline.yaml");

    [Test]
    public void An_inline_request_schema_is_checked_and_its_body_read_by_the_type_the_client_sends()
    {
        var options = new ExampleValidationOptions
        {
            InlineBodyDtoResolver = (operation, kind) => operation == "patchThing" && kind == ExamplePartKind.Request ? typeof(MiniSpec.ThingRequest) : null,
        };

        var result = new ExampleValidator(Document, options).Validate(Document.Part("patchThing / Default / request"));

        var schema = result.Findings.Single(f => f.Category == FindingCategory.Schema);
        Assert.That((schema.Code, schema.Path), Is.EqualTo(("StringExpected", (string?)"#/name")));
        Assert.That(schema.Message, Does.Contain("patchThing request body"));
        // The DTO reads 3 as "3" and writes a string back: the round trip changed it.
        Assert.That(result.Findings.Where(f => f.Category == FindingCategory.RoundTrip).Select(f => (f.Code, f.Path)),
            Is.EqualTo(new[] { (RoundTripCodes.Changed, (string?)"#/name") }));
    }

    [Test]
    public void An_inline_answer_schema_is_checked_and_round_tripped_by_the_type_the_client_answers_with()
    {
        var options = new ExampleValidationOptions { InlineBodyDtoResolver = (_, kind) => kind == ExamplePartKind.Response ? typeof(MiniSpec.Thing) : null };

        var result = new ExampleValidator(Document, options).Validate(Document.Part("patchThing / Default / response"));

        Assert.That(result.Findings, Is.Empty, string.Join("\n", result.Findings));
        Assert.That(result.Schema, Is.EqualTo(CheckOutcome.Passed));
        Assert.That(result.RoundTrip, Is.EqualTo(CheckOutcome.Passed));
    }

    [Test]
    public void Without_a_client_method_for_the_operation_the_round_trip_says_there_is_no_DTO()
    {
        var result = new ExampleValidator(Document, new ExampleValidationOptions()).Validate(Document.Part("patchThing / Default / response"));

        Assert.That(result.Schema, Is.EqualTo(CheckOutcome.Passed));
        var finding = result.Findings.Single();
        Assert.That(finding.Code, Is.EqualTo(RoundTripCodes.NoDtoType));
        Assert.That(finding.Message, Does.Contain("response body schema written in place"));
    }

    [Test]
    public void The_newest_specs_inline_update_body_is_validated_against_its_schema()
    {
        var spec = RepoExamples.SharedSpec("openai-2026-05-13.yaml");
        var result = new ExampleValidator(spec, new ExampleValidationOptions()).Validate(spec.Part("updateChatCompletion / Example 1 / request"));

        Assert.That(result.Findings.Where(f => f.Category == FindingCategory.Schema), Is.Empty, string.Join("\n", result.Findings));
        Assert.That(result.Schema, Is.EqualTo(CheckOutcome.Passed));
    }
}
