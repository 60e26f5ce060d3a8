using System.Linq;
using NUnit.Framework;
using OpenAI.Gen.Testing;

namespace OpenAI.Gen.Tests.Examples;

/// <summary>An upload's example (curl <c>-F</c> fields) is checked against the operation's multipart form schema.</summary>
public class FormRequestTests
{
    private static string Spec(string fields) => @"openapi: 3.0.0
info:
  title: form
  version: '1'
paths:
  /uploads:
    post:
      operationId: createUpload
      requestBody:
        content:
          multipart/form-data:
            schema:
              $ref: '#/components/schemas/CreateUploadRequest'
      responses:
        '200':
          description: OK
      x-oaiMeta:
        examples:
          - title: Default
            request:
              curl: |
                curl https://example.invalid/uploads \
" + string.Join(" \\\n", fields.Split('\n').Select(f => "                  " + f)) + @"
components:
  schemas:
    CreateUploadRequest:
      type: object
      required: [file, model]
      properties:
        file: { type: string, format: binary }
        model: { type: string }
        temperature: { type: number }
        stream:
          anyOf:
            - type: boolean
            - type: 'null'
        expires_after:
          type: object
          additionalProperties: false
          required: [anchor, seconds]
          properties:
            anchor: { type: string }
            seconds: { type: integer }
        include:
          type: array
          minItems: 2
          items: { type: string, enum: [logprobs] }
";

    [Test]
    public void Form_fields_are_read_as_their_schema_types_and_pass()
    {
        var result = Validate("-F file=\"@/path/to/audio.mp3\"\n-F model=\"whisper-1\"\n-F temperature=0.2\n-F stream=true\n-F 'include[]=logprobs'\n-F 'include[]=logprobs'\n-F 'expires_after[anchor]=created_at'\n-F expires_after[seconds]=3600");

        Assert.That(result.Findings, Is.Empty, string.Join("\n", result.Findings));
        Assert.That(result.Schema, Is.EqualTo(CheckOutcome.Passed));
        Assert.That(result.RoundTrip, Is.EqualTo(CheckOutcome.NotRun), "no JSON DTO reads a form");
        Assert.That(result.FormFields, Is.True);
    }

    [Test]
    public void A_form_field_that_breaks_the_schema_is_a_finding_at_its_member()
    {
        var result = Validate("-F model=\"whisper-1\"\n-F temperature=hot\n-F \"include[]=logprobs\"\n-F \"include[]=words\"");

        Assert.That(result.Findings.Select(f => (f.Code, f.Path)), Is.EquivalentTo(new (string, string?)[]
        {
            ("PropertyRequired", "#/file"),
            ("NumberExpected", "#/temperature"),
            ("NotInEnumeration", "#/include[1]"),
        }));
        Assert.That(result.Schema, Is.EqualTo(CheckOutcome.Failed));
    }

    [Test]
    public void An_operation_that_takes_json_or_a_form_has_its_form_example_checked_as_a_form()
    {
        var spec = SpecDocument.Parse(Spec("-F model=\"whisper-1\"\n-F temperature=hot").Replace(
            "          multipart/form-data:",
            "          application/json:\n            schema:\n              type: object\n              required: [json_only]\n          multipart/form-data:"), "form.yaml");

        var result = new ExampleValidator(spec, new ExampleValidationOptions()).Validate(spec.Part("createUpload / Default / request"));

        Assert.That(result.Findings.Select(f => (f.Code, f.Path)), Is.EquivalentTo(new (string, string?)[] { ("PropertyRequired", "#/file"), ("NumberExpected", "#/temperature") }));
    }

    [TestCase("createTranscription / Diarization / request")]
    [TestCase("createFile / Example 1 / request")]
    [TestCase("createImageEdit / Edit image / request")]
    public void The_newest_specs_uploads_are_checked_field_by_field(string part)
    {
        var spec = RepoExamples.SharedSpec("openai-2026-05-13.yaml");

        var result = new ExampleValidator(spec, new ExampleValidationOptions()).Validate(spec.Part(part));

        Assert.That(result.Findings, Is.Empty, string.Join("\n", result.Findings));
        Assert.That(result.Schema, Is.EqualTo(CheckOutcome.Passed));
    }

    private static ExamplePartResult Validate(string fields)
    {
        var spec = SpecDocument.Parse(Spec(fields), "form.yaml");
        return new ExampleValidator(spec, new ExampleValidationOptions()).Validate(spec.Part("createUpload / Default / request"));
    }
}
