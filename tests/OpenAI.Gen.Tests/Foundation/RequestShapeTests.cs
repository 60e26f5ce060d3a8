using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;
using RichardSzalay.MockHttp;

namespace OpenAI.Gen.Tests.Foundation;

public class RequestShapeTests
{
    private static (OpenAIClient Client, MockHttpMessageHandler Handler, RequestCapture Capture) Create(string path, string response)
    {
        var handler = new MockHttpMessageHandler();
        var capture = new RequestCapture();
        handler.Expect(HttpMethod.Post, "https://api.openai.com/v1/" + path)
            .With(r => capture.Take(r))
            .Respond("application/json", response);
        return (new OpenAIClient(handler.ToHttpClient(), "sk-test-key"), handler, capture);
    }

    [Test]
    public async Task Chat_call_sends_exactly_what_the_caller_set()
    {
        var (client, handler, capture) = Create("chat/completions", SpecExamples.Response("/chat/completions", "Default"));
        var request = new CreateChatCompletionRequest
        {
            Model = "gpt-3.5-turbo",
            Messages =
            {
                new ChatCompletionRequestSystemMessage { Content = "You are a helpful assistant." },
                new ChatCompletionRequestUserMessage { Content = "Hello!" },
            },
            Temperature = 0.2,
        };

        await client.CreateChatCompletionAsync(request, CancellationToken.None);

        handler.VerifyNoOutstandingExpectation();
        Assert.Multiple(() =>
        {
            Assert.That(capture.Method, Is.EqualTo("POST"));
            Assert.That(capture.Authorization, Is.EqualTo("Bearer sk-test-key"));
            Assert.That(capture.ContentType, Is.EqualTo("application/json"));
            Assert.That(capture.Accept, Is.EqualTo("application/json"));
            Assert.That(capture.Body, Is.EqualTo(
                "{\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful assistant.\"},{\"role\":\"user\",\"content\":\"Hello!\"}]," +
                "\"model\":\"gpt-3.5-turbo\",\"temperature\":0.2}"));
        });
    }

    [Test]
    public async Task Completions_call_sends_exactly_what_the_caller_set()
    {
        var (client, handler, capture) = Create("completions", SpecExamples.Response("/completions", "No streaming"));
        var request = new CreateCompletionRequest { Model = "gpt-3.5-turbo-instruct", Prompt = "Say this is a test", MaxTokens = 7, Temperature = 0 };

        await client.CreateCompletionAsync(request, CancellationToken.None);

        handler.VerifyNoOutstandingExpectation();
        Assert.Multiple(() =>
        {
            Assert.That(capture.Authorization, Is.EqualTo("Bearer sk-test-key"));
            Assert.That(JToken.DeepEquals(JToken.Parse(capture.Body!), JObject.Parse(
                "{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"Say this is a test\",\"max_tokens\":7,\"temperature\":0.0}")), Is.True, capture.Body);
            Assert.That(capture.Body, Does.Not.Contain("\"n\"").And.Not.Contain("top_p").And.Not.Contain("null"), "no defaults or unset members are sent");
        });
    }

    [Test]
    public void Explicit_null_is_sent_only_when_set()
    {
        var request = new CreateCompletionRequest { Model = "m", Prompt = "p", Suffix = null };
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(request);
        Assert.That(json, Is.EqualTo("{\"model\":\"m\",\"prompt\":\"p\",\"suffix\":null}"));
    }

    [Test]
    public void Error_answer_throws_the_typed_exception()
    {
        var handler = new MockHttpMessageHandler();
        handler.When("*").Respond(HttpStatusCode.BadRequest, "application/json",
            "{\"error\":{\"message\":\"bad model\",\"type\":\"invalid_request_error\",\"param\":\"model\",\"code\":\"model_not_found\"}}");
        var client = new OpenAIClient(handler.ToHttpClient(), "sk-secret-value");

        var e = Assert.ThrowsAsync<OpenAIException>(() => client.CreateCompletionAsync(new CreateCompletionRequest { Model = "x", Prompt = "y" }, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(e!.StatusCode, Is.EqualTo(400));
            Assert.That(e.ErrorMessage, Is.EqualTo("bad model"));
            Assert.That(e.ErrorType, Is.EqualTo("invalid_request_error"));
            Assert.That(e.ErrorCode, Is.EqualTo("model_not_found"));
            Assert.That(e.Param, Is.EqualTo("model"));
            Assert.That(e.ToString(), Does.Not.Contain("sk-secret-value"));
        });
    }
}
