using System;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;
using OpenAI.Gen.Tests.Unions;
using RichardSzalay.MockHttp;
using static OpenAI.Gen.Tests.Streaming.StreamFixtures;

namespace OpenAI.Gen.Tests.Streaming;

/// <summary>What a streaming call puts on the wire, and that it leaves the caller's request alone.</summary>
public class StreamRequestTests
{
    private static (IOpenAIClient Client, MockHttpMessageHandler Handler, RequestCapture Capture) Create(string path, string events)
    {
        var handler = new MockHttpMessageHandler();
        var capture = new RequestCapture();
        handler.Expect(HttpMethod.Post, "https://api.openai.com/v1/" + path)
            .With(r => capture.Take(r))
            .Respond("text/event-stream", events);
        return (new OpenAIClient(handler.ToHttpClient(), "sk-test-key"), handler, capture);
    }

    [Test]
    public async Task Chat_stream_asks_for_events_with_stream_true_and_auth()
    {
        var (client, handler, capture) = Create("chat/completions", ContentStream("a"));
        var request = ChatRequest();
        request.Temperature = 0.5;

        var chunks = await CollectAsync(client.CreateChatCompletionStreamAsync(request));

        handler.VerifyNoOutstandingExpectation();
        Assert.Multiple(() =>
        {
            Assert.That(Contents(chunks), Is.EqualTo(new[] { "a" }));
            Assert.That(capture.Method, Is.EqualTo("POST"));
            Assert.That(capture.Authorization, Is.EqualTo("Bearer sk-test-key"));
            Assert.That(capture.ContentType, Is.EqualTo("application/json"));
            Assert.That(capture.Accept, Is.EqualTo("text/event-stream"));
            // The same members, in any order (a spec with an allOf base writes the base's members elsewhere).
            WireJson.AssertSame(
                WireJson.Parse("{\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}],\"model\":\"gpt-test\",\"stream\":true,\"temperature\":0.5}"),
                WireJson.Parse(capture.Body!),
                "request body");
        });
    }

    [Test]
    public async Task Completion_stream_asks_for_events_with_stream_true()
    {
        var (client, handler, capture) = Create("completions", Event(CompletionChunk("x", "stop")) + Done);

        await CollectAsync(client.CreateCompletionStreamAsync(CompletionRequest()));

        handler.VerifyNoOutstandingExpectation();
        Assert.That(capture.Accept, Is.EqualTo("text/event-stream"));
        Assert.That(JObject.Parse(capture.Body!)["stream"]!.Value<bool>(), Is.True);
        Assert.That(JObject.Parse(capture.Body!)["prompt"]!.Value<string>(), Is.EqualTo("Say this is a test"));
    }

    [Test]
    public async Task The_callers_request_is_not_changed()
    {
        var (client, _, capture) = Create("chat/completions", ContentStream("a"));
        var untouched = ChatRequest();
        await CollectAsync(client.CreateChatCompletionStreamAsync(untouched));
        Assert.That(Specified.IsSet(untouched, "Stream"), Is.False, "stream stays unset");
        Assert.That(untouched.Stream, Is.Null);

        // A caller's explicit stream: false is overridden on the wire only.
        (client, _, capture) = Create("chat/completions", ContentStream("a"));
        var explicitFalse = ChatRequest();
        explicitFalse.Stream = false;
        await CollectAsync(client.CreateChatCompletionStreamAsync(explicitFalse));
        Assert.That(explicitFalse.Stream, Is.False);
        Assert.That(JObject.Parse(capture.Body!)["stream"]!.Value<bool>(), Is.True);

        // A "stream" among the additional properties gives way: the member is sent once, true.
        (client, _, capture) = Create("chat/completions", ContentStream("a"));
        var extraStream = ChatRequest();
        extraStream.AdditionalProperties["stream"] = false;
        extraStream.AdditionalProperties["store"] = true;
        await CollectAsync(client.CreateChatCompletionStreamAsync(extraStream));
        Assert.That(capture.Body, Does.Contain("\"stream\":true").And.Contain("\"store\":true").And.Not.Contain("\"stream\":false"));
        Assert.That(extraStream.AdditionalProperties["stream"], Is.EqualTo(false), "the caller's own dictionary is left as it is");
    }

    [Test]
    public async Task Members_the_spec_does_not_name_such_as_stream_options_are_sent()
    {
        var (client, _, capture) = Create("chat/completions", ContentStream("a"));
        var request = ChatRequest();
        request.AdditionalProperties["stream_options"] = new JObject { ["include_usage"] = true };

        await CollectAsync(client.CreateChatCompletionStreamAsync(request));

        Assert.That(JObject.Parse(capture.Body!)["stream_options"]!["include_usage"]!.Value<bool>(), Is.True);
    }

    [Test]
    public void A_null_request_is_refused_at_the_call_and_nothing_is_sent_before_enumeration()
    {
        var (client, _, capture) = Create("chat/completions", ContentStream("a"));

        Assert.Throws<ArgumentNullException>(() => client.CreateChatCompletionStreamAsync(null!));
        Assert.Throws<ArgumentNullException>(() => client.CreateCompletionStreamAsync(null!));
        client.CreateChatCompletionStreamAsync(ChatRequest());
        Assert.That(capture.Method, Is.Null, "the request goes out when the stream is enumerated");
    }
}
