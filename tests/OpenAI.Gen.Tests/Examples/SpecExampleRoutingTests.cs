using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.SpecTool;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Examples;

/// <summary>
/// <see cref="SpecExampleHandler"/> on operations beyond the seed's two: routed by method and path template, binary
/// answers generated in their media type, named events; and every example of the embedded spec answered.
/// </summary>
public class SpecExampleRoutingTests
{
    private const string Spec = """
        openapi: 3.0.0
        info: {title: t, version: "1"}
        paths:
          /things:
            get:
              operationId: listThings
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema: {type: object}
              x-oaiMeta:
                examples:
                  - title: Default
                    request: {curl: "curl https://api.openai.com/v1/things"}
                    response: '{"object": "list", "data": [], "has_more": false}'
            post:
              operationId: createThing
              requestBody:
                content:
                  application/json:
                    schema: {type: object}
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema: {type: object}
                    text/event-stream:
                      schema: {type: object}
              x-oaiMeta:
                examples:
                  - title: Default
                    request: {curl: "curl https://api.openai.com/v1/things -d '{\"name\": \"a\"}'"}
                    response: '{"id": "thing_1", "object": "thing"}'
                  - title: Streaming
                    request: {curl: "curl https://api.openai.com/v1/things -d '{\"name\": \"a\", \"stream\": true}'"}
                    response: |
                      event: thing.created
                      data: {"type": "thing.created", "id": "thing_1"}

                      event: thing.done
                      data: {"type": "thing.done"}
          /things/{thing_id}/content:
            get:
              operationId: downloadThing
              parameters:
                - {name: thing_id, in: path, required: true, schema: {type: string}}
              responses:
                "200":
                  description: OK
                  content:
                    audio/mpeg:
                      schema: {type: string, format: binary}
              x-oaiMeta:
                examples:
                  - title: Default
                    request: {curl: "curl https://api.openai.com/v1/things/thing_1/content"}
                    response: ""
          /things/{thing_id}:
            delete:
              operationId: deleteThing
              parameters:
                - {name: thing_id, in: path, required: true, schema: {type: string}}
              responses:
                "200":
                  description: OK
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Deleted'}
              x-oaiMeta:
                examples:
                  - title: Default
                    request: {curl: "curl -X DELETE https://api.openai.com/v1/things/thing_1"}
                    response: ""
        components:
          schemas:
            Deleted:
              type: object
              properties:
                id: {type: string}
                deleted: {type: boolean}
              required: [id, deleted]
        """;

    private static HttpClient Client() => new(new SpecExampleHandler(SpecDocument.Parse(Spec, "things.yaml"))) { BaseAddress = new Uri("https://fake.test/v1/") };

    [Test]
    public async Task One_path_answers_each_of_its_methods_with_that_operations_example()
    {
        using var http = Client();

        using var list = await http.GetAsync("things");
        using var created = await http.PostAsync("things", new StringContent("{\"name\": \"a\"}", Encoding.UTF8, "application/json"));
        using var put = await http.PutAsync("things", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Multiple(async () =>
        {
            Assert.That((string?)JObject.Parse(await list.Content.ReadAsStringAsync())["object"], Is.EqualTo("list"));
            Assert.That((string?)JObject.Parse(await created.Content.ReadAsStringAsync())["id"], Is.EqualTo("thing_1"));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(await put.Content.ReadAsStringAsync(), Does.Contain("GET or POST"));
        });
    }

    [Test]
    public async Task A_binary_answer_is_a_small_body_of_the_specs_media_type_at_any_path_parameter()
    {
        using var http = Client();

        using var response = await http.GetAsync("things/any%20id/content");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("audio/mpeg"));
            Assert.That(Encoding.ASCII.GetString(bytes, 0, 3), Is.EqualTo("ID3"), "an MP3's ID3 signature");
            Assert.That(bytes, Has.Length.InRange(4, 1024));
        });
    }

    [Test]
    public async Task An_example_without_an_answer_gets_a_sample_of_the_answer_schema()
    {
        using var http = Client();

        using var response = await http.DeleteAsync("things/thing_9");
        var json = JObject.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((json["id"]?.Type, json["deleted"]?.Type), Is.EqualTo((JTokenType.String, JTokenType.Boolean)));
    }

    [Test]
    public async Task Events_that_say_their_type_are_sent_as_named_events()
    {
        using var http = Client();

        using var response = await http.PostAsync("things", new StringContent("{\"name\": \"a\", \"stream\": true}", Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.That(text, Is.EqualTo(
            "event: thing.created\ndata: {\"type\":\"thing.created\",\"id\":\"thing_1\"}\n\n"
            + "event: thing.done\ndata: {\"type\":\"thing.done\"}\n\n"
            + "data: [DONE]\n\n"));
    }

    /// <summary>
    /// Every operation example of the spec the client was built from, sent as its request says (path parameters filled
    /// in): answered, or (an example whose request the validator finds at odds with its schema) refused with a 400.
    /// </summary>
    [Test]
    public async Task Every_example_of_the_embedded_spec_is_answered()
    {
        using var http = new HttpClient(new SpecExampleHandler()) { BaseAddress = new Uri("https://fake.test/v1/") };
        var validator = new ExampleValidator(SpecDocument.Embedded);
        var failures = new List<string>();
        var examples = SpecDocument.Embedded.Examples.Where(e => e.HttpMethod != null && e.HttpPath != null).ToList();
        var spec = YamlLoader.LoadFile(Repo.Spec);
        foreach (var example in examples)
        {
            var path = Regex.Replace(example.HttpPath!.TrimStart('/'), "{[^}]+}", "x_1");
            using var request = new HttpRequestMessage(new HttpMethod(example.HttpMethod!.ToUpperInvariant()), path);
            var checkedRequest = example.Request == null ? null : validator.Validate(example.Request);
            // An upload: its curl snippet sends form fields (-F), not JSON; the fake server does not judge forms.
            var form = checkedRequest?.FormFields == true || (checkedRequest?.Values.Count == 0 && example.Request?.Text?.Contains(" -F ") == true);
            var body = form ? null : checkedRequest?.Values.FirstOrDefault();
            var invalid = !form && checkedRequest?.Findings.Any(f => f.Category == FindingCategory.Schema && f.Code != "NoSchema") == true;
            if (body != null)
            {
                request.Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
            }
            else if (form)
            {
                request.Content = new MultipartFormDataContent { { new StringContent(example.Operation), "name" } };
            }

            // A body the example means to send but that cannot be read (an elided "{...}") is not sent: where the spec
            // requires one, the fake refuses the request.
            var missing = request.Content == null && (bool?)spec["paths"]?[example.HttpPath!]?[example.HttpMethod!.ToLowerInvariant()]?["requestBody"]?["required"] == true;
            using var response = await http.SendAsync(request);
            if (invalid || missing ? response.StatusCode != HttpStatusCode.BadRequest : !response.IsSuccessStatusCode)
            {
                failures.Add($"{example.Operation} / {example.Title}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.That(examples, Is.Not.Empty);
        Assert.That(failures, Is.Empty);
    }
}
