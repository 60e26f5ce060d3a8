using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;
using static OpenAI.Gen.Tests.Streaming.StreamFixtures;

namespace OpenAI.Gen.Tests.Streaming;

/// <summary>Errors before and inside a stream, each as a typed exception that says what and where.</summary>
public class StreamErrorTests
{
    private const string RateLimitBody = "{\"error\":{\"message\":\"Rate limit reached for gpt-test.\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}";
    private const string ServerErrorJson = "{\"error\":{\"message\":\"The server had an error while processing your request.\",\"type\":\"server_error\",\"param\":null,\"code\":\"overloaded\"}}";

    private LoopbackServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await LoopbackServer.StartAsync(_ => Task.CompletedTask);

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    private void Streams(string body) => _server.Handler = async context =>
    {
        await LoopbackServer.BeginEventStreamAsync(context);
        await LoopbackServer.WriteAsync(context, body);
    };

    private void Answers(int status, string contentType, string body) => _server.Handler = async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.Headers["x-request-id"] = "req_error_1";
        await context.Response.WriteAsync(body, context.RequestAborted);
    };

    [Test]
    public async Task An_error_event_throws_the_API_exception_after_the_chunks_before_it()
    {
        Streams(Event(ContentChunk("partial")) + "event: error\ndata: " + ServerErrorJson + "\n\n" + Done);

        var (chunks, error) = await CollectUntilErrorAsync(_server.CreateClient().CreateChatCompletionStreamAsync(ChatRequest()));

        Assert.That(Contents(chunks), Is.EqualTo(new[] { "partial" }));
        Assert.That(error, Is.TypeOf<OpenAIException>());
        var api = (OpenAIException)error!;
        Assert.Multiple(() =>
        {
            Assert.That(api.ErrorMessage, Is.EqualTo("The server had an error while processing your request."));
            Assert.That(api.ErrorType, Is.EqualTo("server_error"));
            Assert.That(api.ErrorCode, Is.EqualTo("overloaded"));
            Assert.That(api.Response, Is.EqualTo(ServerErrorJson));
            Assert.That(api.RequestId, Is.EqualTo("req_stream_1"));
            Assert.That(api.Message, Does.Contain("The server had an error while processing your request.").And.Contain("server_error"));
        });
    }

    [Test]
    public async Task An_error_payload_in_a_data_event_throws_the_API_exception()
    {
        Streams(Event(ContentChunk("a")) + Event(ContentChunk("b")) + "data: " + ServerErrorJson + "\n\n");

        var (chunks, error) = await CollectUntilErrorAsync(_server.CreateClient().CreateChatCompletionStreamAsync(ChatRequest()));

        Assert.That(Contents(chunks), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(error, Is.TypeOf<OpenAIException>());
        Assert.That(((OpenAIException)error!).ErrorCode, Is.EqualTo("overloaded"));
    }

    [Test]
    public async Task An_error_member_that_is_not_first_still_is_an_API_error()
    {
        Streams("data: {\"object\":\"error\",\"error\":{\"message\":\"Bad gateway.\",\"type\":\"upstream_error\",\"code\":502}}\n\n");

        var (_, error) = await CollectUntilErrorAsync(_server.CreateClient().CreateCompletionStreamAsync(CompletionRequest()));

        Assert.That(error, Is.TypeOf<OpenAIException>());
        var api = (OpenAIException)error!;
        Assert.That(api.ErrorMessage, Is.EqualTo("Bad gateway."));
        Assert.That(api.ErrorCode, Is.EqualTo("502"));
    }

    [Test]
    public async Task An_error_event_without_JSON_still_is_an_API_error()
    {
        Streams("event: error\ndata: upstream timed out\n\n");

        var (_, error) = await CollectUntilErrorAsync(_server.CreateClient().CreateChatCompletionStreamAsync(ChatRequest()));

        Assert.That(error, Is.TypeOf<OpenAIException>());
        Assert.That(error!.Message, Does.Contain("error event in event 1").And.Contain("upstream timed out"));
    }

    [Test]
    public async Task Malformed_JSON_names_the_event_and_quotes_its_data()
    {
        const string bad = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}";
        Streams(Event(ContentChunk("a")) + ": keep-alive\n\n" + Event(ContentChunk("b")) + Event(bad) + Event(ContentChunk("never")) + Done);

        var (chunks, error) = await CollectUntilErrorAsync(_server.CreateClient().CreateChatCompletionStreamAsync(ChatRequest()));

        Assert.That(Contents(chunks), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(error, Is.TypeOf<OpenAIStreamException>());
        var streamError = (OpenAIStreamException)error!;
        Assert.Multiple(() =>
        {
            Assert.That(streamError.EventNumber, Is.EqualTo(3));
            Assert.That(streamError.Message, Does.Contain("Event 3 of the stream is not a valid CreateChatCompletionStreamResponse"));
            Assert.That(streamError.Message, Does.Contain("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\""), "an excerpt of the data");
            Assert.That(streamError.Response, Is.EqualTo(bad));
            Assert.That(streamError.InnerException, Is.InstanceOf<Newtonsoft.Json.JsonException>());
            Assert.That(streamError.ToString(), Does.Not.Contain("sk-test-key"));
        });
    }

    [TestCase("null", "JSON null", TestName = "JSON null is not a chunk")]
    [TestCase("[1,2]", "JsonArray", TestName = "A JSON array is not a chunk")]
    public async Task Valid_JSON_that_is_not_a_chunk(string data, string named)
    {
        Streams(Event(data) + Done);

        var (_, error) = await CollectUntilErrorAsync(_server.CreateClient().CreateChatCompletionStreamAsync(ChatRequest()));

        Assert.That(error, Is.TypeOf<OpenAIStreamException>());
        Assert.That(error!.Message, Does.Contain("Event 1").And.Contain(named));
    }

    [Test]
    public async Task A_JSON_object_without_chunk_members_reads_as_an_empty_chunk_that_keeps_them()
    {
        // Required members may be absent on the wire (LenientContractResolver): only a wrong JSON kind fails.
        Streams(Event("{\"hello\":\"world\"}") + Done);

        var (chunks, error) = await CollectUntilErrorAsync(_server.CreateClient().CreateChatCompletionStreamAsync(ChatRequest()));

        Assert.That(error, Is.Null);
        Assert.That(chunks.Single().Choices, Is.Empty);
        Assert.That(chunks.Single().AdditionalProperties["hello"], Is.EqualTo("world"));
    }

    [Test]
    public async Task A_nested_member_of_the_wrong_shape_names_its_path()
    {
        Streams(Event(ContentChunk("a")) + Event(ChatChunk(new Newtonsoft.Json.Linq.JObject { ["content"] = "b" }).Replace("\"logprobs\":null", "\"logprobs\":{\"content\":\"x\"}")) + Done);

        var (chunks, error) = await CollectUntilErrorAsync(_server.CreateClient().CreateChatCompletionStreamAsync(ChatRequest()));

        Assert.That(Contents(chunks), Is.EqualTo(new[] { "a" }));
        Assert.That(error, Is.TypeOf<OpenAIStreamException>());
        Assert.That(error!.Message, Does.Contain("Event 2").And.Contain("choices[0].logprobs.content"));
    }

    [Test]
    public async Task Two_JSON_values_in_one_event_are_malformed()
    {
        Streams(Event(ContentChunk("a") + ContentChunk("b")) + Done);

        var (_, error) = await CollectUntilErrorAsync(_server.CreateClient().CreateChatCompletionStreamAsync(ChatRequest()));

        Assert.That(error, Is.TypeOf<OpenAIStreamException>());
        Assert.That(((OpenAIStreamException)error!).EventNumber, Is.EqualTo(1));
    }

    [Test]
    public async Task A_non_2xx_status_throws_the_same_exception_as_the_call_without_streaming()
    {
        Answers(429, "application/json", RateLimitBody);
        var client = _server.CreateClient();

        var streaming = (await CollectUntilErrorAsync(client.CreateChatCompletionStreamAsync(ChatRequest()))).Error;
        var plain = Assert.ThrowsAsync<OpenAIException>(() => client.CreateChatCompletionAsync(ChatRequest()));

        Assert.That(streaming, Is.TypeOf<OpenAIException>());
        var api = (OpenAIException)streaming!;
        Assert.Multiple(() =>
        {
            Assert.That(api.StatusCode, Is.EqualTo(429));
            Assert.That(api.ErrorCode, Is.EqualTo("rate_limit_exceeded"));
            Assert.That(api.ErrorType, Is.EqualTo("requests"));
            Assert.That(api.ErrorMessage, Is.EqualTo("Rate limit reached for gpt-test."));
            Assert.That(api.RequestId, Is.EqualTo("req_error_1"));
            Assert.That(api.Response, Is.EqualTo(RateLimitBody));
            Assert.That(api.Message, Is.EqualTo(plain!.Message));
        });
    }

    [Test]
    public async Task A_non_2xx_status_without_JSON_keeps_the_body()
    {
        Answers(502, "text/html", "<html>Bad Gateway</html>");

        var (_, error) = await CollectUntilErrorAsync(_server.CreateClient().CreateCompletionStreamAsync(CompletionRequest()));

        Assert.That(error, Is.TypeOf<OpenAIException>());
        Assert.That(((OpenAIException)error!).StatusCode, Is.EqualTo(502));
        Assert.That(error.Message, Does.Contain("HTTP 502").And.Contain("<html>Bad Gateway</html>"));
    }

    [Test]
    public async Task A_JSON_error_answered_with_status_200_throws_the_API_exception()
    {
        Answers(200, "application/json; charset=utf-8", RateLimitBody);

        var (_, error) = await CollectUntilErrorAsync(_server.CreateClient().CreateChatCompletionStreamAsync(ChatRequest()));

        Assert.That(error, Is.TypeOf<OpenAIException>());
        Assert.That(((OpenAIException)error!).ErrorCode, Is.EqualTo("rate_limit_exceeded"));
    }

    [Test]
    public async Task A_server_that_ignores_stream_true_is_reported_not_read_as_an_empty_stream()
    {
        Answers(200, "application/json", SpecExamples.Response("/chat/completions", "Default"));

        var (_, error) = await CollectUntilErrorAsync(_server.CreateClient().CreateChatCompletionStreamAsync(ChatRequest()));

        Assert.That(error, Is.TypeOf<OpenAIStreamException>());
        Assert.That(error!.Message, Does.Contain("answered with application/json instead of text/event-stream"));
        Assert.That(((OpenAIException)error).Response, Does.Contain(SpecExamples.DefaultChatId));
    }

    [Test]
    public async Task An_empty_answer_is_reported_not_read_as_an_empty_stream()
    {
        Streams(": nothing but a comment\n\n");

        var (chunks, error) = await CollectUntilErrorAsync(_server.CreateClient().CreateChatCompletionStreamAsync(ChatRequest()));

        Assert.That(chunks, Is.Empty);
        Assert.That(error, Is.TypeOf<OpenAIStreamException>());
        Assert.That(error!.Message, Does.Contain("ended before its first event"));
    }

    [Test]
    public async Task The_spec_streaming_completion_example_is_malformed_and_says_where()
    {
        // The spec's example is hand-written: a comma is missing after "model" and one trails the last member.
        var example = SpecExamples.Response("/completions", "Streaming").Trim();
        Streams("data: " + string.Join("\ndata: ", example.Split('\n')) + "\n\n" + Done);

        var (chunks, error) = await CollectUntilErrorAsync(_server.CreateClient().CreateCompletionStreamAsync(CompletionRequest()));

        Assert.That(chunks, Is.Empty);
        Assert.That(error, Is.TypeOf<OpenAIStreamException>());
        var streamError = (OpenAIStreamException)error!;
        Assert.That(streamError.EventNumber, Is.EqualTo(1));
        Assert.That(streamError.Message, Does.Contain("Event 1").And.Contain("cmpl-7iA7iJjj8V2zOkCGvWF2hAkDWBQZe").And.Contain("Path 'model', line 14"));
    }
}
