using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Examples;

public class SpecExampleHandlerTests
{
    private static CreateChatCompletionRequest Hello() => new()
    {
        Model = "gpt-3.5-turbo",
        Messages = { new ChatCompletionRequestUserMessage { Content = "Hello!" } },
    };

    private static JToken ExampleResponse(string path, string title) => JToken.Parse(SpecExamples.Response(path, title));

    [Test]
    public async Task A_plain_chat_call_gets_the_Default_example()
    {
        var handler = new SpecExampleHandler();
        var client = new OpenAIClient(new HttpClient(handler), "sk-test");

        var response = await client.CreateChatCompletionAsync(Hello(), CancellationToken.None);

        Assert.That(JToken.DeepEquals(JToken.Parse(JsonConvert.SerializeObject(response, OpenAIJson.Default.CopySettings())), ExampleResponse("/chat/completions", "Default")), Is.True);
        Assert.That(response.Choices.Single().Message.Content, Is.EqualTo(SpecExamples.DefaultChatContent));
        Assert.That(handler.RequestCount, Is.EqualTo(1));
    }

    [Test]
    public async Task A_call_with_tools_gets_the_Functions_example()
    {
        var client = new OpenAIClient(new HttpClient(new SpecExampleHandler()), "sk-test");
        var request = Hello();
        request.Tools = SpecLists.Like(request.Tools, new ChatCompletionTool { Function = new FunctionObject { Name = "get_current_weather" } });

        var response = await client.CreateChatCompletionAsync(request, CancellationToken.None);

        var call = response.Choices.Single().Message.ToolCalls!.OfType<ChatCompletionMessageToolCall>().Single();
        Assert.That(call.Function.Name, Is.EqualTo("get_current_weather"));
        Assert.That(call.Function.Arguments, Is.EqualTo("{\n\"location\": \"Boston, MA\"\n}"));
        Assert.That(response.Choices.Single().FinishReason.Value, Is.EqualTo("tool_calls"));
    }

    [Test]
    public async Task A_call_asking_for_logprobs_gets_the_Logprobs_example()
    {
        var client = new OpenAIClient(new HttpClient(new SpecExampleHandler()), "sk-test");
        var request = Hello();
        request.Logprobs = true;
        request.TopLogprobs = 2;

        var response = await client.CreateChatCompletionAsync(request, CancellationToken.None);

        var content = response.Choices.Single().Logprobs!.Content!;
        Assert.That(content.Select(t => t.Token), Is.EqualTo(new[] { "Hello", "!", " How", " can", " I", " assist", " you", " today", "?" }));
        Assert.That(content[0].TopLogprobs.Select(t => t.Token), Is.EqualTo(new[] { "Hello", "Hi" }));
    }

    [Test]
    public async Task A_completions_call_gets_the_first_non_streaming_example()
    {
        var client = new OpenAIClient(new HttpClient(new SpecExampleHandler()), "sk-test");

        var response = await client.CreateCompletionAsync(new CreateCompletionRequest { Model = "gpt-3.5-turbo-instruct", Prompt = "Say this is a test" }, CancellationToken.None);

        Assert.That(response.Choices.Single().Text, Is.EqualTo("\n\nThis is indeed a test"));
        Assert.That(response.Id, Is.EqualTo("cmpl-uqkvlQyYK7bGYrRHQ0eXlWi7"));
    }

    [Test]
    public void A_request_violating_the_schema_gets_a_400_with_an_OpenAI_error_body()
    {
        var handler = new SpecExampleHandler();
        var client = new OpenAIClient(new HttpClient(handler), "sk-test");
        var request = new CreateChatCompletionRequest { Model = "gpt-3.5-turbo" };

        var error = Assert.ThrowsAsync<OpenAIException>(() => client.CreateChatCompletionAsync(request, CancellationToken.None))!;

        Assert.That(error.StatusCode, Is.EqualTo(400));
        Assert.That(error.ErrorType, Is.EqualTo("invalid_request_error"));
        Assert.That(error.Param, Is.EqualTo("messages"));
        Assert.That(error.ErrorCode, Is.EqualTo("invalid_value"));
        Assert.That(error.ErrorMessage, Does.Contain("CreateChatCompletionRequest").And.Contain("messages"));
        Assert.That(error.RequestId, Is.EqualTo("req_fake_1"));
    }

    [Test]
    public async Task Raw_bad_requests_get_missing_parameter_invalid_type_and_invalid_json_errors()
    {
        using var http = new HttpClient(new SpecExampleHandler());

        var missing = await ErrorOf(http, "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}");
        var wrongType = await ErrorOf(http, "{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"n\": \"two\"}");
        var notJson = await ErrorOf(http, "{\"model\": ");

        Assert.That(((string?)missing["code"], (string?)missing["param"]), Is.EqualTo(("missing_required_parameter", "model")));
        Assert.That(((string?)wrongType["code"], (string?)wrongType["param"]), Is.EqualTo(("invalid_type", "n")));
        Assert.That(((string?)notJson["code"], (string?)notJson["type"]), Is.EqualTo(("invalid_json", "invalid_request_error")));
        Assert.That(notJson.Value<string>("message"), Does.Contain("not valid JSON"));
    }

    [Test]
    public async Task An_unknown_route_gets_a_404_error_body()
    {
        using var http = new HttpClient(new SpecExampleHandler());

        using var response = await http.PostAsync("https://api.openai.com/v1/no_such_operation", new StringContent("{}", Encoding.UTF8, "application/json"));
        var error = JObject.Parse(await response.Content.ReadAsStringAsync())["error"]!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((string?)error["code"], Is.EqualTo("unknown_url"));
        Assert.That((string?)error["message"], Does.Contain("/v1/no_such_operation"));
    }

    [Test]
    public async Task A_streaming_chat_call_streams_the_Default_message_where_the_streaming_example_is_elided()
    {
        using var http = new HttpClient(new SpecExampleHandler());
        var body = "{\"model\": \"gpt-3.5-turbo\", \"messages\": [{\"role\": \"user\", \"content\": \"Hello!\"}], \"stream\": true}";

        using var response = await http.PostAsync("https://api.openai.com/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/event-stream"));
        Assert.That(text, Does.EndWith("\n\ndata: [DONE]\n\n"));
        Assert.That(events, Is.All.StartWith("data: "));
        var chunks = events.SkipLast(1).Select(e => JObject.Parse(e.Substring("data: ".Length))).ToList();
        var typed = chunks.Select(c => c.ToObject<CreateChatCompletionStreamResponse>()!).ToList();
        var example = SpecExamples.StreamedChunks("/chat/completions", "Streaming").Select(JObject.Parse).ToList();
        var whole = (string)ExampleResponse("/chat/completions", "Default")["choices"]![0]!["message"]!["content"]!;
        // A word per chunk, each with the white space before it (the last also with what follows it).
        var words = Regex.Matches(whole, @"\s*\S+\s*$|\s*\S+").Select(m => m.Value).ToList();
        Assert.Multiple(() =>
        {
            // The example's elided middle ("....") is replaced by the Default answer's text, a word per chunk.
            Assert.That(string.Concat(typed.Select(c => c.Choices.Single().Delta.Content)), Is.EqualTo(whole));
            Assert.That(words, Has.Count.GreaterThan(1));
            Assert.That(typed.Skip(1).SkipLast(1).Select(c => c.Choices.Single().Delta.Content), Is.EqualTo(words));
            // The chunks around the text are the example's own: the role chunk first, the finish chunk last.
            Assert.That(JToken.DeepEquals(chunks[0], example[0]), Is.True, chunks[0].ToString());
            Assert.That(JToken.DeepEquals(chunks[^1], example[^1]), Is.True, chunks[^1].ToString());
            Assert.That(typed[^1].Choices.Single().FinishReason!.Value, Is.EqualTo("stop"));
            // Every text chunk keeps the envelope of the example's first text chunk.
            Assert.That(chunks.Skip(1).SkipLast(1).Select(c => (string?)c["id"]), Is.All.EqualTo((string?)example[1]["id"]));
        });
    }

    [Test]
    public async Task An_elided_stream_with_no_whole_answer_to_the_same_request_is_streamed_as_written()
    {
        // The non-streamed example asks something else (another prompt), so it cannot stand for the elided chunks.
        var spec = SpecDocument.Parse(ElidedSpec("Goodbye"), "elided.yaml");
        using var http = new HttpClient(new SpecExampleHandler(spec));

        var text = await (await http.PostAsync("http://127.0.0.1/v1/things", new StringContent("{\"prompt\": \"Hi\", \"stream\": true}", Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync();
        var same = SpecDocument.Parse(ElidedSpec("Hi"), "elided.yaml");
        using var sameHttp = new HttpClient(new SpecExampleHandler(same));
        var filled = await (await sameHttp.PostAsync("http://127.0.0.1/v1/things", new StringContent("{\"prompt\": \"Hi\", \"stream\": true}", Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Texts(text), Is.EqualTo(new[] { "A", "B" }));
            Assert.That(Texts(filled), Is.EqualTo(new[] { "One", " two", " three." }));
        });

        static string?[] Texts(string events) => events.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).SkipLast(1)
            .Select(e => (string?)JObject.Parse(e.Substring("data: ".Length))["choices"]![0]!["text"]).ToArray();
    }

    /// <summary>A spec whose streaming example elides its middle; its non-streamed example answers <paramref name="wholePrompt"/>.</summary>
    private static string ElidedSpec(string wholePrompt) => $@"openapi: 3.0.0
info: {{title: elided, version: '1'}}
paths:
  /things:
    post:
      operationId: createThing
      requestBody:
        content: {{application/json: {{schema: {{$ref: '#/components/schemas/ThingRequest'}}}}}}
      responses:
        '200':
          description: OK
          content: {{application/json: {{schema: {{$ref: '#/components/schemas/Thing'}}}}}}
      x-oaiMeta:
        examples:
          - title: Whole
            request:
              curl: |
                curl http://x/things -d '{{""prompt"": ""{wholePrompt}""}}'
            response: |
              {{""choices"": [{{""text"": ""One two three.""}}]}}
          - title: Streaming
            request:
              curl: |
                curl http://x/things -d '{{""prompt"": ""Hi"", ""stream"": true}}'
            response: |
              {{""choices"": [{{""text"": ""A""}}]}}

              ....

              {{""choices"": [{{""text"": ""B""}}]}}
components:
  schemas:
    ThingRequest:
      type: object
      properties:
        prompt: {{type: string}}
        stream: {{type: boolean}}
    Thing:
      type: object
";

    [Test]
    public async Task A_streaming_completions_call_gets_its_repaired_example_as_one_event()
    {
        using var http = new HttpClient(new SpecExampleHandler());
        var body = "{\"model\": \"gpt-3.5-turbo-instruct\", \"prompt\": \"Say this is a test\", \"stream\": true}";

        using var response = await http.PostAsync("https://api.openai.com/v1/completions", new StringContent(body, Encoding.UTF8, "application/json"));
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.That(events, Has.Length.EqualTo(2));
        Assert.That(events[1], Is.EqualTo("data: [DONE]"));
        var chunk = JObject.Parse(events[0].Substring("data: ".Length));
        Assert.That(((string?)chunk["choices"]![0]!["text"], (string?)chunk["system_fingerprint"]), Is.EqualTo(("This", "fp_44709d6fcb")));
    }

    [Test]
    public void The_embedded_spec_is_the_committed_one()
    {
        using var stream = typeof(SpecExampleHandler).Assembly.GetManifestResourceStream(SpecDocument.EmbeddedResourceName)!;
        using var reader = new StreamReader(stream);

        Assert.That(reader.ReadToEnd(), Is.EqualTo(File.ReadAllText(Repo.Spec)));
        Assert.That(SpecDocument.Embedded.Parts.Select(p => p.Name), Is.EqualTo(RepoExamples.Spec.Parts.Select(p => p.Name)));
    }

    private static async Task<JToken> ErrorOf(HttpClient http, string body)
    {
        using var response = await http.PostAsync("https://api.openai.com/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        return JObject.Parse(await response.Content.ReadAsStringAsync())["error"]!;
    }
}
