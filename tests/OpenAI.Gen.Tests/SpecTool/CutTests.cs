using System;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.SpecTool;

namespace OpenAI.Gen.Tests.SpecTool;

public class CutTests
{
    private const string Upstream = """
        openapi: 3.0.0
        info:
          title: Upstream
          version: "2.3.0"
        servers:
          - url: https://api.example.test/v1
        security:
          - ApiKeyAuth: []
        tags:
          - name: Chat
          - name: Files
        paths:
          /chat/completions:
            parameters:
              - $ref: '#/components/parameters/Trace'
            post:
              operationId: createChatCompletion
              tags: [Chat]
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Req'
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Res'
              x-oaiMeta:
                name: Create
                examples:
                  - title: Default
                    response: |
                      {"$ref": "#/components/schemas/NotFollowed"}
            get:
              operationId: listChatCompletions
              tags: [Chat]
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/List'
          /files:
            get:
              operationId: listFiles
              tags: [Files]
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/FileList'
        components:
          securitySchemes:
            ApiKeyAuth:
              type: http
              scheme: bearer
          parameters:
            Trace:
              name: trace
              in: header
              schema:
                $ref: '#/components/schemas/TraceId'
            Unused:
              name: unused
              in: query
              schema:
                type: string
          schemas:
            TraceId:
              type: string
            Req:
              type: object
              properties:
                messages:
                  type: array
                  items:
                    $ref: '#/components/schemas/Message'
                example:
                  description: a property named like a keyword
                  $ref: '#/components/schemas/Deep'
              example:
                messages: [{"$ref": "#/components/schemas/NotFollowed"}]
            Message:
              oneOf:
                - $ref: '#/components/schemas/UserMessage'
              discriminator:
                propertyName: role
                mapping:
                  developer: '#/components/schemas/DeveloperMessage'
            UserMessage:
              type: object
              properties:
                role:
                  enum: [user]
            DeveloperMessage:
              type: object
              properties:
                role:
                  enum: [developer]
            Deep:
              type: object
              additionalProperties:
                $ref: '#/components/schemas/Deeper'
            Deeper:
              type: string
            Res:
              type: object
              properties:
                id:
                  type: string
              x-oaiMeta:
                name: The response object
                example: |
                  {"id": "1"}
            Chunk:
              type: object
              properties:
                delta:
                  $ref: '#/components/schemas/Delta'
            Delta:
              type: object
            List:
              type: object
            FileList:
              type: object
            NotFollowed:
              type: object
        x-oaiMeta:
          groups:
            - id: chat
              title: Chat
              sections:
                - type: endpoint
                  key: createChatCompletion
                  path: create
                - type: object
                  key: Chunk
                  path: streaming
            - id: files
              title: Files
              sections:
                - type: endpoint
                  key: listFiles
                - type: object
                  key: FileList
        """;

    private static CutResult Cut(string yaml, Action<CutOptions>? configure = null)
    {
        var options = new CutOptions { SourceName = "upstream.yaml" };
        configure?.Invoke(options);
        return new SpecCutter(options).Cut(YamlLoader.Load(yaml, "upstream.yaml"));
    }

    [Test]
    public void Keeps_the_chosen_operations_and_every_component_they_reach()
    {
        var result = Cut(Upstream, o => o.Operations.Add("POST /chat/completions"));

        var doc = result.Document;
        Assert.Multiple(() =>
        {
            Assert.That(result.Operations, Is.EqualTo(new[] { "POST /chat/completions" }));
            Assert.That(((JObject)doc["paths"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "/chat/completions" }));
            Assert.That(((JObject)doc["paths"]!["/chat/completions"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "parameters", "post" }));
            Assert.That(result.Schemas, Is.EqualTo(new[] { "TraceId", "Req", "Message", "UserMessage", "DeveloperMessage", "Deep", "Deeper", "Res", "Chunk", "Delta" }),
                "in spec order: through items, a property named 'example', additionalProperties, a discriminator mapping, a path parameter, and the objects its x-oaiMeta group documents");
            Assert.That(((JObject)doc["components"]!["parameters"]!).Properties().Select(p => p.Name), Is.EqualTo(new[] { "Trace" }));
            Assert.That(doc["components"]!["securitySchemes"]!["ApiKeyAuth"], Is.Not.Null);
            Assert.That(doc["security"], Is.Not.Null);
            Assert.That(doc["servers"], Is.Not.Null);
            Assert.That(((JArray)doc["tags"]!).Select(t => (string?)t["name"]), Is.EqualTo(new[] { "Chat" }));
        });
    }

    [Test]
    public void Keeps_every_x_oaiMeta_block_and_does_not_follow_references_in_examples()
    {
        var result = Cut(Upstream, o => o.Operations.Add("POST /chat/completions"));

        var doc = result.Document;
        Assert.Multiple(() =>
        {
            Assert.That((string?)doc["paths"]!["/chat/completions"]!["post"]!["x-oaiMeta"]!["examples"]![0]!["title"], Is.EqualTo("Default"));
            Assert.That((string?)doc["components"]!["schemas"]!["Res"]!["x-oaiMeta"]!["example"], Is.EqualTo("{\"id\": \"1\"}\n"));
            Assert.That(JToken.DeepEquals(doc["x-oaiMeta"], YamlLoader.Load(Upstream, "u")["x-oaiMeta"]), Is.True, "the navigation groups stay whole");
            Assert.That(result.Schemas, Does.Not.Contain("NotFollowed").And.Not.Contain("FileList").And.Not.Contain("List"));
        });
    }

    [Test]
    public void Operations_can_be_chosen_by_tag()
    {
        var result = Cut(Upstream, o => o.Tags.Add("Chat"));

        Assert.Multiple(() =>
        {
            Assert.That(result.Operations, Is.EqualTo(new[] { "POST /chat/completions", "GET /chat/completions" }));
            Assert.That(result.Schemas, Does.Contain("List"));
        });
    }

    [Test]
    public void Default_is_the_two_operations_the_library_ships()
    {
        var spec = Upstream.Replace("  /files:", "  /completions:\n    post:\n      operationId: createCompletion\n      responses:\n        \"200\":\n          description: OK\n  /files:");

        Assert.That(Cut(spec).Operations, Is.EqualTo(new[] { "POST /chat/completions", "POST /completions" }));
    }

    [Test]
    public void Unknown_operation_tag_or_target_is_an_error_that_names_it()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Cut(Upstream, o => o.Operations.Add("DELETE /chat/completions")),
                Throws.TypeOf<SpecException>().With.Message.Contains("'DELETE /chat/completions' is not in the spec"));
            Assert.That(() => Cut(Upstream, o => o.Operations.Add("/chat/completions")),
                Throws.ArgumentException.With.Message.Contains("METHOD /path"));
            Assert.That(() => Cut(Upstream, o => o.Tags.Add("Audio")),
                Throws.TypeOf<SpecException>().With.Message.Contains("no operation has the tag 'Audio'"));
            Assert.That(() => Cut(Upstream.Replace("$ref: '#/components/schemas/Deeper'", "$ref: '#/components/schemas/Missing'"), o => o.Tags.Add("Chat")),
                Throws.TypeOf<SpecException>().With.Message.StartsWith("upstream.yaml(109,15)").And.Message.Contains("Missing"));
        });
    }

    [Test]
    public void Same_input_gives_the_same_bytes_and_cutting_again_changes_nothing()
    {
        var first = YamlWriter.Write(Cut(Upstream, o => o.Tags.Add("Chat")).Document);
        var second = YamlWriter.Write(Cut(Upstream, o => o.Tags.Add("Chat")).Document);
        var again = YamlWriter.Write(Cut(first, o => o.Tags.Add("Chat")).Document);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(again, Is.EqualTo(first));
        });
    }

    [Test]
    public void Cut_of_the_3_1_sample_keeps_the_stored_completion_operations()
    {
        var spec = YamlLoader.LoadFile(SpecText.Fixture("upstream-3.1.yaml"));
        var options = new CutOptions();
        options.Tags.Add("Chat");
        options.Tags.Add("Completions");

        var result = new SpecCutter(options).Cut(spec);

        Assert.Multiple(() =>
        {
            Assert.That(result.Operations, Is.EqualTo(new[]
            {
                "POST /chat/completions", "GET /chat/completions", "GET /chat/completions/{completion_id}", "POST /chat/completions/{completion_id}",
                "DELETE /chat/completions/{completion_id}", "GET /chat/completions/{completion_id}/messages", "POST /completions",
            }));
            Assert.That(result.Schemas, Does.Not.Contain("CreateEmbeddingRequest"));
            Assert.That(result.Document["webhooks"], Is.Null);
            Assert.That((string?)result.Document["openapi"], Is.EqualTo("3.1.0"));
        });
    }

    [Test]
    public void Cut_of_the_2024_08_23_spec_keeps_the_streaming_chunk_named_only_in_x_oaiMeta()
    {
        var path = Support.Repo.SharedSpec("openai-2024-08-23.yaml");
        if (path == null)
        {
            Assert.Ignore("../shared/spec/openai-2024-08-23.yaml is not here.");
        }

        var result = new SpecCutter(new CutOptions()).Cut(YamlLoader.LoadFile(path!));
        var yaml = YamlWriter.Write(result.Document);

        Assert.Multiple(() =>
        {
            Assert.That(result.Operations, Is.EqualTo(CutOptions.DefaultOperations));
            Assert.That(result.Schemas, Has.Count.EqualTo(38));
            Assert.That(result.Schemas, Does.Contain("CreateChatCompletionStreamResponse").And.Contain("ChatCompletionStreamResponseDelta"));
            Assert.That(JToken.DeepEquals(YamlLoader.Load(yaml, "cut.yaml"), result.Document), Is.True, "the written YAML reads back as the same document");
            Assert.That(yaml, Does.Contain("          curl: |\n"), "examples stay literal blocks");
        });
    }

    [Test]
    public void Command_line_writes_the_file_and_fails_cleanly_on_bad_arguments()
    {
        var output = Path.Combine(Path.GetTempPath(), "oaigen-cut-" + Guid.NewGuid().ToString("N") + ".yaml");
        try
        {
            var ok = Program.Main(new[] { "cut", "--spec", SpecText.Fixture("upstream-3.1.yaml"), "--out", output, "--operation", "GET /chat/completions" });
            var bad = Program.Main(new[] { "cut", "--spec", SpecText.Fixture("upstream-3.1.yaml"), "--out", output, "--operation", "FETCH /x" });
            var missing = Program.Main(new[] { "cut", "--out", output });

            Assert.Multiple(() =>
            {
                Assert.That(ok, Is.EqualTo(0));
                Assert.That(YamlLoader.LoadFile(output)["paths"]!["/chat/completions"]!["get"], Is.Not.Null);
                Assert.That(bad, Is.EqualTo(1));
                Assert.That(missing, Is.EqualTo(1));
            });
        }
        finally
        {
            File.Delete(output);
        }
    }
}
