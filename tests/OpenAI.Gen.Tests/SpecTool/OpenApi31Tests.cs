using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.SpecTool;

namespace OpenAI.Gen.Tests.SpecTool;

/// <summary>Each OpenAPI 3.1 construct of OpenAI's current specs, on a small spec of our own.</summary>
public class OpenApi31Tests
{
    private static JObject Member(NormalizeResult result, string schema, string property) => (JObject)result.Schema(schema)["properties"]![property]!;

    [Test]
    public void Type_array_with_null_becomes_a_nullable_type()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            R:
              type: object
              properties:
                content:
                  type: [string, "null"]
                count:
                  type: ["null", integer]
                none:
                  type: "null"
            """));

        Assert.Multiple(() =>
        {
            Assert.That(Member(result, "R", "content").ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"nullable":true,"type":"string"}"""));
            Assert.That(Member(result, "R", "count").ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"nullable":true,"type":"integer"}"""));
            Assert.That(Member(result, "R", "none").ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"nullable":true}"""));
            Assert.That((string?)result.Document["openapi"], Is.EqualTo("3.0.3"));
        });
    }

    [Test]
    public void Type_array_of_two_types_is_a_typed_union_not_its_first_type()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            R:
              type: object
              properties:
                value:
                  type: [string, integer, "null"]
                values:
                  type: [string, array, "null"]
                  items:
                    type: integer
            """));

        Assert.Multiple(() =>
        {
            Assert.That((string?)Member(result, "R", "value")["allOf"]![0]!["$ref"], Is.EqualTo("#/components/schemas/RValue"));
            Assert.That((bool?)Member(result, "R", "value")["nullable"], Is.True);
            Assert.That(result.Unions["RValue"].Shape, Is.EqualTo("string | integer"));
            Assert.That(result.Unions["RValues"].Shape, Is.EqualTo("string | integer[]"), "the array's items stay with the array member");
            Assert.That(result.Warnings, Is.Empty);
        });
    }

    [Test]
    public void AnyOf_with_null_becomes_the_member_made_nullable()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            Usage:
              type: object
              properties:
                total:
                  type: integer
            R:
              type: object
              properties:
                usage:
                  description: Counts.
                  anyOf:
                    - $ref: '#/components/schemas/Usage'
                    - type: "null"
                audio:
                  anyOf:
                    - type: object
                      properties:
                        id:
                          type: string
                    - type: "null"
                stop:
                  oneOf:
                    - type: "null"
                    - type: string
            """));

        Assert.Multiple(() =>
        {
            Assert.That(Member(result, "R", "usage").ToString(Newtonsoft.Json.Formatting.None),
                Is.EqualTo("""{"description":"Counts.","nullable":true,"allOf":[{"$ref":"#/components/schemas/Usage"}]}"""));
            Assert.That((string?)Member(result, "R", "audio")["allOf"]![0]!["$ref"], Is.EqualTo("#/components/schemas/RAudio"));
            Assert.That((bool?)Member(result, "R", "audio")["nullable"], Is.True);
            Assert.That(result.Schema("RAudio")["properties"]!["id"], Is.Not.Null);
            Assert.That(Member(result, "R", "stop").ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"nullable":true,"type":"string"}"""));
            Assert.That(result.Warnings, Is.Empty);
            Assert.That(SpecText.UnionsLeft(result.Document), Is.Empty);
        });
    }

    [Test]
    public void Const_becomes_a_one_value_open_enum()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            R:
              type: object
              properties:
                object:
                  type: string
                  const: chat.completion.deleted
            """));

        Assert.Multiple(() =>
        {
            Assert.That(result.Enums.Single(e => e.Name == "RObject").Values, Is.EqualTo(new[] { "chat.completion.deleted" }));
            Assert.That(Member(result, "R", "object")["const"], Is.Null);
        });
    }

    [Test]
    public void Examples_array_becomes_the_first_example_and_bounds_become_3_0_bounds()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            R:
              type: object
              properties:
                temperature:
                  type: number
                  examples: [0.7, 1]
                  exclusiveMinimum: 0
                  exclusiveMaximum: 2
                top_p:
                  type: number
                  example: 1
                  examples: [0.5]
            """));

        var temperature = Member(result, "R", "temperature");
        Assert.Multiple(() =>
        {
            Assert.That((double?)temperature["example"], Is.EqualTo(0.7));
            Assert.That(temperature["examples"], Is.Null);
            Assert.That((int?)temperature["minimum"], Is.EqualTo(0));
            Assert.That((bool?)temperature["exclusiveMinimum"], Is.True);
            Assert.That((int?)temperature["maximum"], Is.EqualTo(2));
            Assert.That((bool?)temperature["exclusiveMaximum"], Is.True);
            Assert.That((int?)Member(result, "R", "top_p")["example"], Is.EqualTo(1), "an example already there wins");
        });
    }

    [Test]
    public void Reference_with_siblings_keeps_them_beside_an_allOf()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            Meta:
              type: object
              additionalProperties:
                type: string
            R:
              type: object
              properties:
                metadata:
                  $ref: '#/components/schemas/Meta'
                  description: Tags.
            """));

        Assert.That(Member(result, "R", "metadata").ToString(Newtonsoft.Json.Formatting.None),
            Is.EqualTo("""{"description":"Tags.","allOf":[{"$ref":"#/components/schemas/Meta"}]}"""));
    }

    [Test]
    public void A_schema_that_only_says_object_beside_a_reference_to_an_object_renames_it()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            Grader:
              type: object
              properties:
                name:
                  type: string
            Text:
              type: string
            EvalGrader:
              type: object
              title: Grader
              allOf:
                - $ref: '#/components/schemas/Grader'
            NotAnObject:
              type: object
              allOf:
                - $ref: '#/components/schemas/Text'
            R:
              type: object
              properties:
                grader:
                  $ref: '#/components/schemas/EvalGrader'
            """));

        Assert.Multiple(() =>
        {
            Assert.That(result.SchemaNames(), Does.Not.Contain("EvalGrader"));
            Assert.That((string?)Member(result, "R", "grader")["$ref"], Is.EqualTo("#/components/schemas/Grader"));
            Assert.That(result.Notes, Has.One.Contains("'EvalGrader' only renames 'Grader'"));
            Assert.That(result.SchemaNames(), Does.Contain("NotAnObject"), "an object over a string schema says more than its reference");
        });
    }

    [Test]
    public void An_anyOf_that_only_says_which_members_are_present_leaves_an_object_whose_inner_unions_are_typed()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            Batch:
              type: object
              properties:
                file_ids: { type: array, items: { type: string } }
                files: { type: array, items: { type: string } }
              anyOf:
                - required: [file_ids]
                - required: [files]
            R:
              type: object
              properties:
                batch:
                  $ref: '#/components/schemas/Batch'
                resources:
                  type: object
                  properties:
                    ids: { type: array, items: { type: string } }
                    stores:
                      type: array
                      items:
                        type: object
                        properties:
                          chunking:
                            oneOf:
                              - type: object
                                properties: { type: { type: string, enum: [auto] } }
                                required: [type]
                              - type: object
                                properties: { type: { type: string, enum: [static] }, size: { type: integer } }
                                required: [type, size]
                  oneOf:
                    - required: [ids]
                    - required: [stores]
                  not:
                    required: [ids, stores]
            """));

        Assert.Multiple(() =>
        {
            Assert.That(result.Warnings, Is.Empty);
            Assert.That(result.RawUnions, Is.Empty);
            Assert.That(SpecText.UnionsLeft(result.Document), Is.Empty, "the inner union is typed, not left for NSwag to collapse");
            Assert.That(((JObject)result.Schema("Batch")["properties"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "file_ids", "files" }));
            Assert.That((string?)Member(result, "R", "resources")["$ref"], Does.StartWith("#/components/schemas/"));
            Assert.That(result.Notes.Count(n => n.Contains("only says which of its members must be present")), Is.EqualTo(2));
        });
    }

    [Test]
    public void Webhooks_and_dialect_are_dropped_and_one_member_unions_with_a_discriminator_are_their_member()
    {
        var spec = SpecText.WithSchemas("""
            Content:
              type: object
              properties:
                type:
                  type: string
                  const: content
                text:
                  type: string
            Prediction:
              oneOf:
                - $ref: '#/components/schemas/Content'
              discriminator:
                propertyName: type
            R:
              type: object
              properties:
                prediction:
                  $ref: '#/components/schemas/Prediction'
            """);
        spec["webhooks"] = new JObject { ["done"] = new JObject() };
        spec["jsonSchemaDialect"] = "https://spec.openapis.org/oas/3.1/dialect/base";

        var result = SpecText.Normalize(spec);

        Assert.Multiple(() =>
        {
            Assert.That(result.Document["webhooks"], Is.Null);
            Assert.That(result.Document["jsonSchemaDialect"], Is.Null);
            Assert.That(result.SchemaNames(), Does.Not.Contain("Prediction"));
            Assert.That((string?)Member(result, "R", "prediction")["$ref"], Is.EqualTo("#/components/schemas/Content"));
            Assert.That(result.Notes, Has.One.Contains("'Prediction' only renames 'Content'"));
            Assert.That(result.Document.Descendants().OfType<JProperty>().Where(p => p.Name == "discriminator"), Is.Empty);
        });
    }

    [Test]
    public void Developer_role_joins_the_message_union_with_a_discriminator_written_by_the_spec()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            Dev:
              type: object
              properties:
                role:
                  type: string
                  const: developer
                content:
                  type: string
            User:
              type: object
              properties:
                role:
                  type: string
                  enum: [user]
                content:
                  type: string
                name:
                  type: [string, "null"]
            Message:
              oneOf:
                - $ref: '#/components/schemas/Dev'
                - $ref: '#/components/schemas/User'
              discriminator:
                propertyName: role
            """));

        Assert.Multiple(() =>
        {
            Assert.That(result.TaggedUnions["Message"], Is.EqualTo("role"));
            Assert.That(((JObject)result.Schema("Message")["discriminator"]!["mapping"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "developer", "user", "*" }));
            Assert.That(result.Enums, Is.Empty, "the tag is not an enum of its own");
        });
    }

    [Test]
    public void Stored_completion_operations_keep_path_and_query_parameters()
    {
        var spec = YamlLoader.Load("""
            openapi: 3.1.0
            info:
              title: t
              version: "1"
            paths:
              /chat/completions:
                get:
                  operationId: listChatCompletions
                  parameters:
                    - name: metadata
                      in: query
                      style: deepObject
                      schema:
                        type: object
                        additionalProperties:
                          type: string
                    - name: limit
                      in: query
                      schema:
                        type: integer
                        default: 20
                    - name: order
                      in: query
                      description: Sort order.
                      schema:
                        type: string
                        enum: [asc, desc]
                  responses:
                    "200":
                      description: OK
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/List'
              /chat/completions/{completion_id}:
                parameters:
                  - name: completion_id
                    in: path
                    required: true
                    schema:
                      type: [string]
                post:
                  operationId: updateChatCompletion
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            metadata:
                              type: [object, "null"]
                              additionalProperties:
                                type: string
                  responses:
                    "200":
                      description: OK
                delete:
                  operationId: deleteChatCompletion
                  responses:
                    "200":
                      description: OK
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              deleted:
                                type: boolean
                              object:
                                const: chat.completion.deleted
            components:
              schemas:
                List:
                  type: object
                  properties:
                    data:
                      type: array
                      items:
                        type: object
                        properties:
                          id:
                            type: string
            """, "stored.yaml");

        var result = new SpecNormalizer(new NormalizeOptions { SourceName = "stored.yaml" }).Normalize(spec);

        var list = (JArray)result.Document["paths"]!["/chat/completions"]!["get"]!["parameters"]!;
        var pathParameter = result.Document["paths"]!["/chat/completions/{completion_id}"]!["parameters"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(list.Select(p => (string?)p["name"]), Is.EqualTo(new[] { "metadata", "limit", "order" }), "a deepObject parameter is kept: the core sends it as metadata[key]=value");
            Assert.That((string?)list[0]["style"], Is.EqualTo("deepObject"));
            Assert.That(result.Warnings, Has.None.Contains("'metadata'"));
            Assert.That(list[2]["schema"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"type":"string"}"""), "a class-typed query parameter would be sent as an object");
            Assert.That((string?)list[2]["description"], Is.EqualTo("Sort order. One of: asc, desc."));
            Assert.That(pathParameter["schema"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("""{"type":"string"}"""));
            Assert.That((string?)result.Document["paths"]!["/chat/completions/{completion_id}"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"],
                Is.EqualTo("#/components/schemas/UpdateChatCompletionBody"));
            Assert.That((bool?)result.Schema("UpdateChatCompletionBody")["properties"]!["metadata"]!["nullable"], Is.True);
            Assert.That(result.SchemaNames(), Does.Contain("DeleteChatCompletionBody").And.Contain("DeleteChatCompletionBodyObject").And.Contain("ListDataItem"));
        });
    }
}
