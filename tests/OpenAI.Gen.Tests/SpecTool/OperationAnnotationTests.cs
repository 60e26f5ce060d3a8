using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.SpecTool;

namespace OpenAI.Gen.Tests.SpecTool;

/// <summary>
/// The operation extensions the client template generates streaming and paged methods from (x-oaigen-stream…,
/// x-oaigen-pages), on a small spec with a named-event stream, an unnamed one, a stream described in prose only, a
/// cursor list and a list without a cursor.
/// </summary>
public class OperationAnnotationTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /responses:
            post:
              operationId: createResponse
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/CreateResponse'}
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Response'}
                    text/event-stream:
                      schema: {$ref: '#/components/schemas/ResponseStreamEvent'}
          /chat/completions:
            post:
              operationId: createChatCompletion
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/CreateChatRequest'}
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Response'}
                    text/event-stream:
                      schema: {$ref: '#/components/schemas/Chunk'}
            get:
              operationId: listChatCompletions
              parameters:
                - {name: after, in: query, schema: {type: string}}
                - {name: limit, in: query, schema: {type: integer}}
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/ResponseList'}
          /completions:
            post:
              operationId: createCompletion
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/CreateChatRequest'}
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Response'}
          /models:
            get:
              operationId: listModels
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/ResponseList'}
        components:
          schemas:
            CreateResponse:
              type: object
              properties:
                stream: {anyOf: [{type: boolean}, {type: "null"}]}
            CreateChatRequest:
              type: object
              properties:
                stream_format: {type: string, enum: [sse, audio]}
            Response:
              type: object
              properties:
                id: {type: string}
            Chunk:
              type: object
              properties:
                id: {type: string}
            TextDelta:
              type: object
              properties:
                type: {type: string, enum: [response.output_text.delta]}
                delta: {type: string}
              required: [type, delta]
            Completed:
              type: object
              properties:
                type: {type: string, enum: [response.completed]}
              required: [type]
            ResponseStreamEvent:
              anyOf:
                - $ref: '#/components/schemas/TextDelta'
                - $ref: '#/components/schemas/Completed'
              discriminator: {propertyName: type}
            ResponseList:
              type: object
              properties:
                data:
                  type: array
                  items: {$ref: '#/components/schemas/Response'}
                has_more: {type: boolean}
                last_id: {type: string}
              required: [data, has_more]
        """;

    [Test]
    public void Event_streams_leave_the_answer_for_extensions_naming_their_events_and_switch()
    {
        var options = new NormalizeOptions { SourceName = "test.yaml" };
        options.Streams["createCompletion"] = "Chunk";
        options.Streams["createChatCompletion"] = "Response";
        var doc = new SpecNormalizer(options).Normalize(YamlLoader.Load(Spec, "test.yaml")).Document;

        var responses = Operation(doc, "/responses", "post");
        var chat = Operation(doc, "/chat/completions", "post");
        var completions = Operation(doc, "/completions", "post");
        Assert.Multiple(() =>
        {
            Assert.That(Extensions(responses), Is.EqualTo(new[] { "x-oaigen-stream=ResponseStreamEvent", "x-oaigen-stream-events=named", "x-oaigen-stream-switch=stream" }), "a tagged union of events: named events; a boolean stream member");
            Assert.That(responses["responses"]!["200"]!["content"]!.Select(c => ((JProperty)c).Name), Is.EqualTo(new[] { "application/json" }), "NSwag describes the JSON answer alone");
            Assert.That(Extensions(chat), Is.EqualTo(new[] { "x-oaigen-stream=Chunk", "x-oaigen-stream-events=unnamed", "x-oaigen-stream-switch=" }), "the spec's stream wins over the configured one; no boolean stream member: the caller's request selects the stream");
            Assert.That(Extensions(completions), Is.EqualTo(new[] { "x-oaigen-stream=Chunk", "x-oaigen-stream-events=unnamed", "x-oaigen-stream-switch=" }), "a stream described in prose only, as configured");
        });
    }

    [Test]
    public void A_configured_stream_of_a_schema_the_spec_lacks_is_a_warning_not_a_method()
    {
        var options = new NormalizeOptions { SourceName = "test.yaml" };
        options.Streams["createCompletion"] = "Missing";
        var result = new SpecNormalizer(options).Normalize(YamlLoader.Load(Spec, "test.yaml"));

        Assert.Multiple(() =>
        {
            Assert.That(Extensions(Operation(result.Document, "/completions", "post")), Is.Empty);
            Assert.That(result.Warnings, Has.One.StartsWith("OAIGEN011: the stream of 'createCompletion'"));
        });
    }

    [Test]
    public void A_GET_list_with_has_more_last_id_and_an_after_parameter_is_paged_by_its_item_type()
    {
        var doc = new SpecNormalizer(new NormalizeOptions()).Normalize(YamlLoader.Load(Spec, "test.yaml")).Document;

        Assert.Multiple(() =>
        {
            Assert.That(Extensions(Operation(doc, "/chat/completions", "get")), Is.EqualTo(new[] { "x-oaigen-pages=Response" }));
            Assert.That(Extensions(Operation(doc, "/models", "get")), Is.Empty, "the same page without an after parameter cannot be read by cursor");
        });
    }

    [Test]
    public void A_pointer_into_a_schema_is_replaced_by_what_it_points_to_and_a_name_that_is_no_identifier_is_made_one()
    {
        var result = SpecText.Normalize(SpecText.WithSchemas("""
            Includable:
              type: string
              description: What to include.
            Req2:
              type: object
              properties:
                include:
                  type: array
                  description:
                    $ref: '#/components/schemas/Includable/description'
                  items: {$ref: '#/components/schemas/Includable'}
                conversation: {$ref: '#/components/schemas/Conversation-2'}
            Conversation-2:
              type: object
              properties:
                id: {type: string}
            """));

        var req = result.Schema("Req2");
        Assert.Multiple(() =>
        {
            Assert.That((string?)req["properties"]!["include"]!["description"], Is.EqualTo("What to include."));
            Assert.That(result.Document["components"]!["schemas"]!["Conversation-2"], Is.Null);
            Assert.That((string?)result.Schema("Conversation2")["properties"]!["id"]!["type"], Is.EqualTo("string"));
            Assert.That(req.ToString(), Does.Contain("#/components/schemas/Conversation2"));
        });
    }

    private static JObject Operation(JObject doc, string path, string method) => (JObject)doc["paths"]![path]![method]!;

    private static string[] Extensions(JObject operation) =>
        operation.Properties().Where(p => p.Name.StartsWith("x-oaigen-")).Select(p => $"{p.Name}={p.Value}").ToArray();
}
