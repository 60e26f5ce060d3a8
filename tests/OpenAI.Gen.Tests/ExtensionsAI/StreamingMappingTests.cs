using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using NUnit.Framework;
using OpenAI.Gen.Extensions.AI;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.Support;
using static OpenAI.Gen.Tests.ExtensionsAI.ChatHarness;

namespace OpenAI.Gen.Tests.ExtensionsAI;

/// <summary>Streamed answers through the adapter, from a loopback server sending real server-sent events.</summary>
public class StreamingMappingTests
{
    private static string Chunk(string delta, string? finishReason = null, int index = 0) =>
        $$"""{"id":"chatcmpl-s1","object":"chat.completion.chunk","created":1700000002,"model":"gpt-4o-2024-08-06","choices":[{"index":{{index}},"delta":{{delta}},"logprobs":null,"finish_reason":{{(finishReason == null ? "null" : "\"" + finishReason + "\"")}}}]}""";

    // One line: an event's data may not span lines without a "data:" prefix on each.
    private const string UsageChunk =
        """{"id":"chatcmpl-s1","object":"chat.completion.chunk","created":1700000002,"model":"gpt-4o-2024-08-06","choices":[],"usage":{"prompt_tokens":11,"completion_tokens":3,"total_tokens":14,"completion_tokens_details":{"reasoning_tokens":0}}}""";

    private static async Task<(List<ChatResponseUpdate> Updates, ScriptedChatServer Server)> StreamAsync(
        Func<Microsoft.AspNetCore.Http.HttpContext, Task> answer, ChatOptions? options = null, bool requestUsage = true)
    {
        var server = await ScriptedChatServer.StartAsync(answer);
        using var http = new HttpClient();
        using var chat = new OpenAIGenChatClient(server.CreateClient(http), "gpt-4o") { RequestStreamUsage = requestUsage };
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("Hello", options))
        {
            updates.Add(update);
        }

        return (updates, server);
    }

    [Test]
    public async Task Text_deltas_become_updates_and_the_usage_chunk_a_usage_content()
    {
        var (updates, server) = await StreamAsync(ScriptedChatServer.Events(
            Chunk("""{"role":"assistant","content":""}"""),
            Chunk("""{"content":"Hel"}"""),
            Chunk("""{"content":"lo!"}"""),
            Chunk("{}", "stop"),
            UsageChunk));
        await using var _ = server;

        Assert.Multiple(() =>
        {
            Assert.That(updates, Has.Count.EqualTo(5), "one update per chunk");
            Assert.That(updates.Select(u => u.Text), Is.EqualTo(new[] { "", "Hel", "lo!", "", "" }));
            Assert.That(updates.Select(u => u.Role), Has.All.EqualTo(ChatRole.Assistant));
            Assert.That(updates.Select(u => u.ResponseId), Has.All.EqualTo("chatcmpl-s1"));
            Assert.That(updates.Select(u => u.MessageId), Has.All.EqualTo("chatcmpl-s1"));
            Assert.That(updates.Select(u => u.ModelId), Has.All.EqualTo("gpt-4o-2024-08-06"));
            Assert.That(updates[0].CreatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1700000002)));
            Assert.That(updates.Select(u => u.FinishReason), Is.EqualTo(new ChatFinishReason?[] { null, null, null, ChatFinishReason.Stop, null }));
            Assert.That(updates[1].RawRepresentation, Is.InstanceOf<CreateChatCompletionStreamResponse>());
            var usage = updates[4].Contents.OfType<UsageContent>().Single().Details;
            Assert.That((usage.InputTokenCount, usage.OutputTokenCount, usage.TotalTokenCount, usage.ReasoningTokenCount), Is.EqualTo((11L, 3L, 14L, 0L)));
        });

        var response = updates.ToChatResponse();
        Assert.That(response.Text, Is.EqualTo("Hello!"));
        Assert.That(response.Messages, Has.Count.EqualTo(1));
        Assert.That(response.FinishReason, Is.EqualTo(ChatFinishReason.Stop));
        Assert.That(response.Usage!.TotalTokenCount, Is.EqualTo(14));
    }

    [Test]
    public async Task A_null_usage_is_none_and_a_usage_sent_beside_choices_is_kept()
    {
        // OpenAI sends "usage": null on every chunk but the last (which has no choices); some compatible servers put
        // the usage on the chunk with the finish reason.
        var (updates, server) = await StreamAsync(ScriptedChatServer.Events(
            Chunk("""{"content":"Hi"}""").Replace("]}", "],\"usage\":null}"),
            Chunk("{}", "stop").Replace("]}", "],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}")));
        await using var _ = server;

        Assert.That(updates[0].Contents.OfType<UsageContent>(), Is.Empty);
        var usage = updates[1].Contents.OfType<UsageContent>().Single().Details;
        Assert.That((usage.InputTokenCount, usage.OutputTokenCount, usage.TotalTokenCount), Is.EqualTo((5L, 1L, 6L)));
        Assert.That(updates[1].FinishReason, Is.EqualTo(ChatFinishReason.Stop));
    }

    [Test]
    public async Task A_streamed_request_asks_for_streaming_and_for_usage_unless_turned_off()
    {
        var (_, withUsage) = await StreamAsync(ScriptedChatServer.Events(Chunk("{}", "stop")));
        var (_, withoutUsage) = await StreamAsync(ScriptedChatServer.Events(Chunk("{}", "stop")), requestUsage: false);
        var (_, ownOptions) = await StreamAsync(
            ScriptedChatServer.Events(Chunk("{}", "stop")),
            new ChatOptions { AdditionalProperties = new() { ["stream_options"] = JsonDocument.Parse("""{"include_usage": false}""").RootElement } });
        await using var a = withUsage;
        await using var b = withoutUsage;
        await using var c = ownOptions;

        AssertJson(withUsage.Bodies.Single(), """
            {"messages": [{"role": "user", "content": "Hello"}], "model": "gpt-4o", "stream": true, "stream_options": {"include_usage": true}}
            """);
        AssertJson(withoutUsage.Bodies.Single(), """{"messages": [{"role": "user", "content": "Hello"}], "model": "gpt-4o", "stream": true}""");
        AssertJson(ownOptions.Bodies.Single()["stream_options"], """{"include_usage": false}""");
    }

    [Test]
    public async Task Tool_call_fragments_are_assembled_by_index_and_given_whole_with_the_finish_reason()
    {
        var (updates, server) = await StreamAsync(ScriptedChatServer.Events(
            Chunk("""{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_p","type":"function","function":{"name":"get_weather","arguments":""}}]}"""),
            Chunk("""{"tool_calls":[{"index":0,"function":{"arguments":"{\"ci"}}]}"""),
            Chunk("""{"tool_calls":[{"index":1,"id":"call_r","type":"function","function":{"name":"get_weather","arguments":"{\"city\":"}}]}"""),
            Chunk("""{"tool_calls":[{"index":0,"function":{"arguments":"ty\":\"Paris\"}"}}]}"""),
            Chunk("""{"tool_calls":[{"index":1,"function":{"arguments":"\"Rome\"}"}}]}"""),
            Chunk("{}", "tool_calls")));
        await using var _ = server;

        Assert.That(updates.Take(5).SelectMany(u => u.Contents).OfType<FunctionCallContent>(), Is.Empty, "no call before it is complete");
        var last = updates.Last();
        var calls = last.Contents.OfType<FunctionCallContent>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(last.FinishReason, Is.EqualTo(ChatFinishReason.ToolCalls));
            Assert.That(calls.Select(c => (c.CallId, c.Name)), Is.EqualTo(new[] { ("call_p", "get_weather"), ("call_r", "get_weather") }));
            Assert.That(((JsonElement)calls[0].Arguments!["city"]!).GetString(), Is.EqualTo("Paris"));
            Assert.That(((JsonElement)calls[1].Arguments!["city"]!).GetString(), Is.EqualTo("Rome"));
            Assert.That(((ChatCompletionMessageToolCall)calls[1].RawRepresentation!).Function.Arguments, Is.EqualTo("{\"city\":\"Rome\"}"));
        });
    }

    [Test]
    public async Task Calls_announced_by_a_stream_that_ends_without_a_finish_reason_still_come_out()
    {
        var (updates, server) = await StreamAsync(ScriptedChatServer.Events(
            Chunk("""{"tool_calls":[{"index":0,"id":"call_x","type":"function","function":{"name":"ping","arguments":"{}"}}]}""")));
        await using var _ = server;

        Assert.That(updates, Has.Count.EqualTo(2));
        Assert.That(updates[1].Contents.OfType<FunctionCallContent>().Single().CallId, Is.EqualTo("call_x"));
        Assert.That(updates[1].ResponseId, Is.EqualTo("chatcmpl-s1"));
    }

    [Test]
    public void A_tool_call_without_an_id_fails_naming_its_index_and_chunks()
    {
        var error = Assert.ThrowsAsync<OpenAIStreamException>(async () =>
        {
            var (_, server) = await StreamAsync(ScriptedChatServer.Events(
                Chunk("""{"content":"Let me see."}"""),
                Chunk("""{"tool_calls":[{"index":2,"function":{"name":"ping","arguments":"{}"}}]}"""),
                Chunk("{}", "tool_calls")));
            await server.DisposeAsync();
        });

        Assert.That(error!.Message, Does.Contain("index 2").And.Contain("chunk 2").And.Contain("chunk 3").And.Contain("without an id"));
        Assert.That(error.EventNumber, Is.EqualTo(3));
    }

    [Test]
    public void A_usage_chunk_of_the_wrong_shape_fails_naming_its_chunk()
    {
        var error = Assert.ThrowsAsync<OpenAIStreamException>(async () =>
        {
            var (_, server) = await StreamAsync(ScriptedChatServer.Events(
                Chunk("{}", "stop"),
                """{"id":"chatcmpl-s1","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":"many"}}"""));
            await server.DisposeAsync();
        });

        // The adapter reads an untyped usage (the seed) and reports "the usage of chunk 2"; a spec that types it has the
        // client refuse "event 2" itself. Either way: the chunk, the member's path and the bad value are named.
        Assert.That(error!.Message, Does.Match(@"(?i)\b(chunk|event) 2\b").And.Contain("usage").And.Contain("prompt_tokens").And.Contain("many"));
        Assert.That(error.EventNumber, Is.EqualTo(2));
    }

    [Test]
    public async Task A_streamed_refusal_becomes_an_error_content()
    {
        var (updates, server) = await StreamAsync(ScriptedChatServer.Events(
            Chunk("""{"role":"assistant","content":null,"refusal":"I can't "}"""),
            Chunk("""{"refusal":"help with that."}"""),
            Chunk("{}", "stop")));
        await using var _ = server;

        var refusal = updates.SelectMany(u => u.Contents).OfType<ErrorContent>().Single();
        Assert.That(refusal.Message, Is.EqualTo("I can't help with that."));
        Assert.That(refusal.ErrorCode, Is.EqualTo("refusal"));
    }

    [Test]
    public async Task Choices_other_than_the_first_do_not_mix_into_the_updates()
    {
        var (updates, server) = await StreamAsync(ScriptedChatServer.Events(
            Chunk("""{"content":"first"}"""),
            Chunk("""{"content":"second"}""", index: 1),
            Chunk("{}", "stop")));
        await using var _ = server;

        Assert.That(updates.ToChatResponse().Text, Is.EqualTo("first"));
        Assert.That(((CreateChatCompletionStreamResponse)updates[1].RawRepresentation!).Choices[0].Delta.Content, Is.EqualTo("second"));
    }

    [Test]
    public void An_error_event_mid_stream_is_the_clients_typed_exception()
    {
        var error = Assert.ThrowsAsync<OpenAIException>(async () =>
        {
            var (_, server) = await StreamAsync(ScriptedChatServer.Events(
                Chunk("""{"content":"Hel"}"""),
                """{"error": {"message": "overloaded", "type": "server_error", "param": null, "code": null}}"""));
            await server.DisposeAsync();
        });

        Assert.That(error!.ErrorType, Is.EqualTo("server_error"));
    }

    [Test]
    public async Task The_function_invoking_client_runs_streamed_tool_calls()
    {
        await using var server = await ScriptedChatServer.StartAsync(
            ScriptedChatServer.Events(
                Chunk("""{"role":"assistant","tool_calls":[{"index":0,"id":"call_s","type":"function","function":{"name":"add","arguments":"{\"a\":2,"}}]}"""),
                Chunk("""{"tool_calls":[{"index":0,"function":{"arguments":"\"b\":3}"}}]}"""),
                Chunk("{}", "tool_calls")),
            ScriptedChatServer.Events(
                Chunk("""{"role":"assistant","content":"2 + 3 = "}"""),
                Chunk("""{"content":"5"}"""),
                Chunk("{}", "stop")));
        using var http = new HttpClient();
        var calls = new List<(int, int)>();
        var add = AIFunctionFactory.Create((int a, int b) =>
        {
            calls.Add((a, b));
            return a + b;
        }, "add");
        using var chat = server.CreateClient(http).AsIChatClient("gpt-4o").AsBuilder().UseFunctionInvocation().Build();

        var text = "";
        await foreach (var update in chat.GetStreamingResponseAsync("What is 2 + 3?", new ChatOptions { Tools = [add] }))
        {
            text += update.Text;
        }

        Assert.That(text, Is.EqualTo("2 + 3 = 5"));
        Assert.That(calls, Is.EqualTo(new[] { (2, 3) }));
        AssertJson(new Newtonsoft.Json.Linq.JArray(server.Bodies[1]["messages"]!.Skip(1)), """
            [
              {"role": "assistant", "tool_calls": [{"id": "call_s", "type": "function", "function": {"name": "add", "arguments": "{\"a\":2,\"b\":3}"}}]},
              {"role": "tool", "content": "5", "tool_call_id": "call_s"}
            ]
            """);
    }

    [Test]
    public async Task The_fake_server_streams_through_the_chat_client()
    {
        using var http = new HttpClient(new SpecExampleHandler());
        using var chat = new OpenAIClient(http, "sk-fake", BaseUrl).AsIChatClient("gpt-3.5-turbo");

        var response = await chat.GetStreamingResponseAsync("Hello!").ToChatResponseAsync();
        var whole = await chat.GetResponseAsync("Hello!");

        // Streamed or whole, the fake server answers "Hello!" with the text of the spec's Default answer.
        Assert.That(response.Text, Is.EqualTo(SpecExamples.DefaultChatContent).And.EqualTo(whole.Text));
        Assert.That(response.FinishReason, Is.EqualTo(ChatFinishReason.Stop));
    }
}
