using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using OpenAI.Gen.Tests.Client;
using static OpenAI.Gen.Tests.Streaming.StreamFixtures;

namespace OpenAI.Gen.Tests.Servers;

/// <summary>Any error body, from OpenAI or a compatible server or a proxy, becomes an <see cref="OpenAIException"/> with what it says.</summary>
public class ErrorShapeTests : LoopbackTest
{
    /// <summary>Content type, body, the <c>ErrorMessage</c> expected (null: none) and text the exception message must show.</summary>
    public static IEnumerable<TestCaseData> Shapes()
    {
        yield return Case("OpenAI", "application/json", "{\"error\":{\"message\":\"Bad model\",\"type\":\"invalid_request_error\",\"param\":\"model\",\"code\":null}}", "Bad model", "param: model");
        yield return Case("message is an object", "application/json", "{\"error\":{\"message\":{\"a\":1}}}", "{\"a\":1}", "{\"a\":1}");
        yield return Case("message is an array, code a number", "application/json", "{\"error\":{\"message\":[1],\"code\":400,\"type\":true}}", "[1]", "code: 400");
        yield return Case("error is a string (Ollama)", "application/json", "{\"error\":\"model 'llama9' not found\"}", "model 'llama9' not found", "model 'llama9' not found");
        yield return Case("detail is a string (FastAPI)", "application/json", "{\"detail\":\"Not Found\"}", "Not Found", "Not Found");
        yield return Case("detail is a list (FastAPI validation)", "application/json", "{\"detail\":[{\"loc\":[\"body\",\"model\"],\"msg\":\"field required\"}]}", "[{\"loc\":[\"body\",\"model\"],\"msg\":\"field required\"}]", "field required");
        yield return Case("message at the top (vLLM)", "application/json", "{\"object\":\"error\",\"message\":\"The model does not exist.\",\"type\":\"NotFoundError\",\"code\":404}", "The model does not exist.", "code: 404");
        yield return Case("error is null", "application/json", "{\"error\":null}", null, "{\"error\":null}");
        yield return Case("a JSON array", "application/json", "[1,2]", null, "[1,2]");
        yield return Case("plain text", "text/plain", "upstream connect error", null, "upstream connect error");
        yield return Case("an HTML page", "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>", null, "<h1>502 Bad Gateway</h1>");
        yield return Case("empty", "application/json", "", null, "the answer has no body");
        yield return Case("malformed JSON", "application/json", "{\"error\":{\"message\":\"cut", null, "{\"error\":{\"message\":\"cut");
        yield return Case("too deep", "application/json", new string('[', 500) + new string(']', 500), null, "[[[[");
        yield return Case("error nested deep", "application/json", "{\"error\":{\"message\":" + new string('[', 200) + new string(']', 200) + "}}", null, "[[[[");
    }

    private static TestCaseData Case(string name, string contentType, string body, string? errorMessage, string shown) =>
        new TestCaseData(contentType, body, errorMessage, shown).SetName("Error body: " + name);

    [TestCaseSource(nameof(Shapes))]
    public void An_error_answer_of_any_shape_is_an_OpenAIException(string contentType, string body, string? errorMessage, string shown)
    {
        Server.Script(ScriptedServer.Text(400, contentType, body, ("x-request-id", "req_shape")));

        var e = Assert.ThrowsAsync<OpenAIException>(() => Client().CreateChatCompletionAsync(ChatRequest));

        Assert.Multiple(() =>
        {
            Assert.That(e!.GetType(), Is.EqualTo(typeof(OpenAIException)));
            Assert.That(e.StatusCode, Is.EqualTo(400));
            Assert.That(e.RequestId, Is.EqualTo("req_shape"));
            Assert.That(e.ErrorMessage, Is.EqualTo(errorMessage));
            Assert.That(e.Message, Does.Contain(shown));
            Assert.That(e.Message, Does.Contain("request id: req_shape"));
        });
    }

    [TestCaseSource(nameof(Shapes))]
    public void An_error_event_of_any_shape_in_a_stream_is_an_OpenAIException(string contentType, string body, string? errorMessage, string shown)
    {
        if (!body.StartsWith("{\"error\"", StringComparison.Ordinal))
        {
            // Only bodies with an error member are errors inside a stream; the rest are covered by the streamed error status below.
            Assert.Pass("not an error payload inside a stream");
        }

        Server.Script(ScriptedServer.Text(200, "text/event-stream", Event(ContentChunk("a")) + "data: " + body.Replace("\n", " ") + "\n\n"));

        var (chunks, error) = CollectUntilErrorAsync(Client().CreateChatCompletionStreamAsync(ChatRequest)).GetAwaiter().GetResult();

        Assert.Multiple(() =>
        {
            Assert.That(Contents(chunks), Is.EqualTo(new[] { "a" }));
            Assert.That(error, Is.TypeOf<OpenAIException>());
            Assert.That(((OpenAIException)error!).ErrorMessage, Is.EqualTo(errorMessage));
        });
    }

    [TestCaseSource(nameof(Shapes))]
    public void A_streamed_call_answered_with_an_error_of_any_shape_is_an_OpenAIException(string contentType, string body, string? errorMessage, string shown)
    {
        Server.Script(ScriptedServer.Text(503, contentType, body, ("x-request-id", "req_shape")));

        var (chunks, error) = CollectUntilErrorAsync(Client(o => o.MaxRetries = 0).CreateChatCompletionStreamAsync(ChatRequest)).GetAwaiter().GetResult();

        Assert.Multiple(() =>
        {
            Assert.That(chunks, Is.Empty);
            Assert.That(error, Is.InstanceOf<OpenAIException>());
            Assert.That(((OpenAIException)error!).StatusCode, Is.EqualTo(503));
            Assert.That(((OpenAIException)error).ErrorMessage, Is.EqualTo(errorMessage));
            Assert.That(error!.Message, Does.Contain(shown));
        });
    }

    [Test]
    public void The_stream_event_from_the_issue_is_an_OpenAIException_with_its_message()
    {
        Server.Script(ScriptedServer.Text(200, "text/event-stream", "data: {\"error\":{\"message\":[1]}}\n\n"));

        var (_, error) = CollectUntilErrorAsync(Client().CreateChatCompletionStreamAsync(ChatRequest)).GetAwaiter().GetResult();

        Assert.That(error, Is.TypeOf<OpenAIException>());
        Assert.That(((OpenAIException)error!).ErrorMessage, Is.EqualTo("[1]"));
    }

    [Test]
    public void An_error_body_is_kept_to_its_first_MiB()
    {
        var body = "{\"error\":{\"message\":\"" + new string('x', 3 << 20) + "\"}}";
        Server.Script(ScriptedServer.Text(400, "application/json", body));

        var e = Assert.ThrowsAsync<OpenAIException>(() => Client().CreateChatCompletionAsync(ChatRequest));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Response!.Length, Is.LessThanOrEqualTo((1 << 20) + 1));
            Assert.That(e.Message.Length, Is.LessThan(3000), "the message shows an excerpt");
            Assert.That(e.StatusCode, Is.EqualTo(400));
        });
    }

    [Test]
    public void A_long_error_message_is_shortened_in_the_exception_message()
    {
        var text = string.Concat(Enumerable.Repeat("word ", 2000));
        var e = new OpenAIException("x", 400, "{\"error\":{\"message\":\"" + text + "\"}}", new Dictionary<string, IEnumerable<string>>(), null);
        Assert.That(e.ErrorMessage, Is.EqualTo(text));
        Assert.That(e.Message.Length, Is.LessThan(2100));
    }
}
