using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using OpenAI.Gen.Testing;

namespace OpenAI.Gen.Tests.Examples;

/// <summary>
/// A value that fails a <c>oneOf</c>/<c>anyOf</c> is reported by the errors of the branch it selects (by its JSON kind or
/// a tag member), not as "matches no branch" over every branch: the finding says what is wrong and where.
/// </summary>
public class UnionFindingTests
{
    // Events: a oneOf of two tagged objects; Input: a string or an array of messages; Item: two variants sharing the tag
    // value "message" (told apart by role only); Usage: an anyOf of an object and null.
    private const string Spec = @"openapi: 3.0.0
info:
  title: unions
  version: '1'
paths:
  /events:
    post:
      operationId: streamEvents
      responses:
        '200':
          description: OK
          content:
            text/event-stream:
              schema:
                $ref: '#/components/schemas/Event'
      x-oaiMeta:
        examples:
          - title: Default
            request:
              curl: |
                curl https://example.invalid/events \
                  -d '{""stream"": true}'
            response: |
              event: text.delta
              data: {""type"": ""text.delta"", ""delta"": ""Hi""}

              event: done
              data: {""type"": ""done"", ""sequence_number"": 2, ""usage"": {""input"": 1}}

              event: done
              data: {""type"": ""done"", ""sequence_number"": ""3""}

              event: done
              data: {""type"": ""done"", ""sequence_number"": 4, ""usage"": {""input"": 1}, ""total"": null}
components:
  schemas:
    Event:
      anyOf:
        - $ref: '#/components/schemas/TextDelta'
        - $ref: '#/components/schemas/Done'
    TextDelta:
      type: object
      required: [type, sequence_number, delta]
      properties:
        type: { type: string, enum: [text.delta] }
        sequence_number: { type: integer }
        delta: { type: string }
    Done:
      type: object
      required: [type, sequence_number]
      properties:
        type: { type: string, enum: [done] }
        sequence_number: { type: integer }
        total:
          $ref: '#/components/schemas/Usage'
        usage:
          anyOf:
            - $ref: '#/components/schemas/Usage'
            - type: 'null'
    Usage:
      type: object
      required: [input, output]
      properties:
        input: { type: integer }
        output: { type: integer }
    InputHolder:
      type: object
      properties:
        input:
          $ref: '#/components/schemas/Input'
      x-oaiMeta:
        name: wrong kind
        example: |
          {""input"": [{""type"": ""message"", ""role"": ""user"", ""text"": ""hi""}]}
    ItemHolder:
      type: object
      properties:
        item:
          $ref: '#/components/schemas/Item'
      x-oaiMeta:
        name: shared tag
        example: |
          {""item"": {""type"": ""message"", ""content"": ""hi""}}
    OverlapHolder:
      type: object
      properties:
        message:
          oneOf:
            - $ref: '#/components/schemas/UserMessage'
            - type: object
              required: [role]
              properties:
                role: { type: string }
      x-oaiMeta:
        name: overlap
        example: |
          {""message"": {""type"": ""message"", ""role"": ""user"", ""content"": ""hi""}}
    EventHolder:
      type: object
      properties:
        event:
          $ref: '#/components/schemas/Event'
      x-oaiMeta:
        name: unknown tag
        example: |
          {""event"": {""type"": ""unknown.event"", ""sequence_number"": 1}}
    Input:
      oneOf:
        - type: string
        - type: array
          items:
            $ref: '#/components/schemas/Item'
    Item:
      oneOf:
        - $ref: '#/components/schemas/UserMessage'
        - $ref: '#/components/schemas/AssistantMessage'
    UserMessage:
      type: object
      required: [type, role, content]
      properties:
        type: { type: string, enum: [message] }
        role: { type: string, enum: [user] }
        content: { type: string }
    AssistantMessage:
      type: object
      required: [type, role, text]
      properties:
        type: { type: string, enum: [message] }
        role: { type: string, enum: [assistant] }
        text: { type: string }
";

    private static readonly SpecDocument Document = SpecDocument.Parse(Spec, "unions.yaml");

    [Test]
    public void Each_streamed_event_is_judged_by_the_branch_its_type_selects()
    {
        var result = new ExampleValidator(Document, new ExampleValidationOptions()).Validate(Document.Part("streamEvents / Default / response"));

        var schema = result.Findings.Where(f => f.Category == FindingCategory.Schema).Select(f => (f.Chunk, f.Code, f.Path)).ToList();
        Assert.That(schema, Is.EquivalentTo(new (int?, string, string?)[]
        {
            (1, "PropertyRequired", "#/sequence_number"),
            (2, "PropertyRequired", "#/usage.output"),
            (3, "IntegerExpected", "#/sequence_number"),
            // null where an object is wanted: that one finding, not also "required member 'input' is missing" under it.
            (4, "PropertyRequired", "#/usage.output"),
            (4, "ObjectExpected", "#/total"),
        }));
    }

    [Test]
    public void A_value_of_the_wrong_kind_for_one_branch_is_judged_by_the_other_down_to_its_items()
    {
        // Not a string: the array branch; its item's role selects the user message, which lacks content.
        Assert.That(SchemaFindings("InputHolder / wrong kind / object"), Is.EqualTo(new[] { ("PropertyRequired", "#/input[0].content") }));
    }

    [Test]
    public void A_tag_value_two_branches_share_without_another_member_to_tell_them_apart_keeps_the_union_error()
    {
        // type "message" and no role: both branches stay in play, so neither one's errors can stand for the value's.
        Assert.That(SchemaFindings("ItemHolder / shared tag / object"), Is.EqualTo(new[] { ("NotOneOf", "#/item") }));
    }

    [Test]
    public void A_value_two_branches_of_a_oneOf_accept_is_said_to_match_both()
    {
        var finding = new ExampleValidator(Document, new ExampleValidationOptions()).Validate(Document.Part("OverlapHolder / overlap / object")).Findings
            .Single(f => f.Category == FindingCategory.Schema);

        Assert.That((finding.Code, finding.Path), Is.EqualTo(("NotOneOf", (string?)"#/message")));
        Assert.That(finding.Message, Does.Contain("matches 2 branches of oneOf (branches 1, 2), not exactly one"));
    }

    [Test]
    public void A_value_that_matches_no_branch_by_its_tag_keeps_the_union_error()
    {
        Assert.That(SchemaFindings("EventHolder / unknown tag / object"), Is.EqualTo(new[] { ("NotAnyOf", "#/event") }));
    }

    [Test]
    public void The_newest_specs_streamed_response_events_name_the_member_each_lacks()
    {
        var spec = RepoExamples.SharedSpec("openai-2026-05-13.yaml");
        var result = new ExampleValidator(spec, new ExampleValidationOptions()).Validate(spec.Part("createResponse / Streaming / response"));

        var schema = result.Findings.Where(f => f.Category == FindingCategory.Schema).ToList();
        Assert.That(schema, Is.Not.Empty);
        Assert.That(schema.Select(f => f.Code), Has.None.EqualTo("NotAnyOf"), string.Join("\n", schema));
        // The spec's example events predate the sequence_number every event schema requires: each one says so.
        var delta = schema.Where(f => f.Chunk == 5).ToList();
        Assert.That(delta.Select(f => (f.Code, f.Path)), Does.Contain(("PropertyRequired", (string?)"#/sequence_number")), string.Join("\n", delta));
    }

    private static List<(string Code, string? Path)> SchemaFindings(string part) =>
        new ExampleValidator(Document, new ExampleValidationOptions()).Validate(Document.Part(part)).Findings
            .Where(f => f.Category == FindingCategory.Schema).Select(f => (f.Code, f.Path)).ToList();
}
