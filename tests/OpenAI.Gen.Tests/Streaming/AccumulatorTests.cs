using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;
using static OpenAI.Gen.Tests.Streaming.StreamFixtures;

namespace OpenAI.Gen.Tests.Streaming;

/// <summary>The accumulators fold streamed chunks into the response the call would have returned without streaming.</summary>
public class AccumulatorTests
{
    private LoopbackServer _server = null!;
    private string _body = string.Empty;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await LoopbackServer.StartAsync(async context =>
    {
        await LoopbackServer.BeginEventStreamAsync(context);
        await LoopbackServer.WriteAsync(context, _body);
    });

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    private async Task<CreateChatCompletionResponse> AccumulateChat(string body)
    {
        _body = body;
        var accumulator = new ChatCompletionAccumulator();
        foreach (var chunk in await CollectAsync(_server.CreateClient().CreateChatCompletionStreamAsync(ChatRequest())))
        {
            accumulator.Append(chunk);
        }

        return accumulator.Snapshot();
    }

    private static JToken Json(object value) => JToken.Parse(JsonConvert.SerializeObject(value, OpenAIJson.Default.CopySettings()));

    private static T Parse<T>(string json) => JsonConvert.DeserializeObject<T>(json, OpenAIJson.Default.CopySettings())!;

    private static void AssertJsonEqual(JToken actual, JToken expected) =>
        Assert.That(JToken.DeepEquals(actual, expected), Is.True, $"expected\n{expected}\nactual\n{actual}");

    // The Functions example's members every chunk repeats.
    private static readonly System.Lazy<JObject> FunctionsExample = new(() => JObject.Parse(SpecExamples.Response("/chat/completions", "Functions")));

    // Id, created and model are the Functions example's own (specs differ in them), so the accumulation must equal it.
    private static string FunctionsChunk(JObject delta, string? finishReason) => new JObject
    {
        ["id"] = FunctionsExample.Value["id"],
        ["object"] = "chat.completion.chunk",
        ["created"] = FunctionsExample.Value["created"],
        ["model"] = FunctionsExample.Value["model"],
        ["choices"] = new JArray(new JObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finishReason }),
    }.ToString(Formatting.None);

    [Test]
    public async Task A_tool_call_streamed_in_many_fragments_accumulates_to_the_spec_Functions_example()
    {
        const string arguments = "{\n\"location\": \"Boston, MA\"\n}";
        var fragments = new List<string>();
        for (int at = 0, size = 1; at < arguments.Length; at += size, size = size % 3 + 1)
        {
            fragments.Add(arguments.Substring(at, System.Math.Min(size, arguments.Length - at)));
        }

        var expected = JObject.Parse(SpecExamples.Response("/chat/completions", "Functions"));
        var body = Event(FunctionsChunk(JObject.Parse(
            "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_abc123\",\"type\":\"function\",\"function\":{\"name\":\"get_current_weather\",\"arguments\":\"\"}}]}"), null));
        body += string.Concat(fragments.Select(f => Event(FunctionsChunk(new JObject
        {
            ["tool_calls"] = new JArray(new JObject { ["index"] = 0, ["function"] = new JObject { ["arguments"] = f } }),
        }, null))));
        body += Event(FunctionsChunk(new JObject(), "tool_calls"));
        body += Event(new JObject
        {
            ["id"] = expected["id"], ["object"] = "chat.completion.chunk", ["created"] = expected["created"], ["model"] = expected["model"],
            ["choices"] = new JArray(), ["usage"] = expected["usage"],
        }.ToString(Formatting.None));
        body += Done;

        var response = await AccumulateChat(body);

        Assert.That(fragments, Has.Count.GreaterThan(10));
        AssertJsonEqual(Json(response), expected);
    }

    [Test]
    public async Task The_spec_Streaming_example_chunks_accumulate_to_their_text()
    {
        // Specs differ in how many chunks they show (the seed six, 2024-08-23 three), so the expected snapshots are
        // folded from the chunks' JSON here: the running text, and the finish reason once one is sent.
        var chunks = SpecExamples.StreamedChunks("/chat/completions", "Streaming");
        Assert.That(chunks, Has.Length.GreaterThanOrEqualTo(3));
        var json = chunks.Select(JObject.Parse).ToList();
        var texts = new List<string>();
        var reasons = new List<string?>();
        foreach (var c in json)
        {
            texts.Add((texts.LastOrDefault() ?? string.Empty) + (string?)c["choices"]![0]!["delta"]!["content"]);
            reasons.Add((string?)c["choices"]![0]!["finish_reason"] ?? reasons.LastOrDefault());
        }

        Assert.That(texts.Last(), Does.StartWith("Hello"), "the example streams a text");
        Assert.That(reasons.Last(), Is.EqualTo("stop"));

        _body = string.Concat(chunks.Select(Event)) + Done;
        var accumulator = new ChatCompletionAccumulator();
        var snapshots = new List<CreateChatCompletionResponse>();
        foreach (var chunk in await CollectAsync(_server.CreateClient().CreateChatCompletionStreamAsync(ChatRequest())))
        {
            accumulator.Append(chunk);
            snapshots.Add(accumulator.Snapshot());
        }

        var response = accumulator.Snapshot();
        var choice = response.Choices.Single();
        Assert.Multiple(() =>
        {
            Assert.That(snapshots.Select(s => s.Choices.Single().Message.Content), Is.EqualTo(texts));
            Assert.That(snapshots.Select(s => s.Choices.Single().FinishReason?.Value), Is.EqualTo(reasons));
            Assert.That(response.Id, Is.EqualTo((string)json[0]["id"]!));
            Assert.That(response.Object, Is.EqualTo(CreateChatCompletionResponseObject.ChatCompletion));
            Assert.That(response.Created, Is.EqualTo((long)json[0]["created"]!));
            Assert.That(response.Model, Is.EqualTo((string)json[0]["model"]!));
#pragma warning disable CS0612 // system_fingerprint: deprecated by newer specs, still sent and folded.
            Assert.That(response.SystemFingerprint, Is.EqualTo((string)json[0]["system_fingerprint"]!));
#pragma warning restore CS0612
            Assert.That(Specified.IsSet(response, "Usage"), Is.False, "no usage chunk was sent");
            Assert.That(choice.Message.Role, Is.EqualTo(ChatCompletionResponseMessageRole.Assistant));
            Assert.That(choice.Message.Content, Is.EqualTo(texts.Last()));
            Assert.That(Specified.IsSet(choice.Message, "ToolCalls"), Is.False);
            Assert.That(choice.FinishReason, Is.EqualTo(CreateChatCompletionResponseChoiceFinishReason.Stop));
        });
    }

    [Test]
    public async Task Interleaved_choices_parallel_tool_calls_logprobs_and_unknown_members_are_merged_by_index()
    {
        string[] chunks =
        [
            // A proxy's leading chunk with empty identity must not blank the real one.
            "{\"id\":\"\",\"object\":\"\",\"created\":0,\"model\":\"\",\"choices\":[],\"prompt_filter_results\":[]}",
            "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":7,\"model\":\"m\",\"system_fingerprint\":null,\"usage\":null,\"choices\":[" +
            "{\"index\":1,\"delta\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"g\",\"arguments\":\"\"}}]},\"logprobs\":null,\"finish_reason\":null}," +
            "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\",\"refusal\":null},\"logprobs\":{\"content\":[{\"token\":\"Hi\",\"logprob\":-0.1,\"bytes\":[72,105],\"top_logprobs\":[]}],\"refusal\":null},\"finish_reason\":null}]}",
            "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":7,\"model\":\"m\",\"system_fingerprint\":\"fp_1\",\"usage\":null,\"choices\":[" +
            "{\"index\":1,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"x\\\"\"}},{\"index\":1,\"function\":{\"arguments\":\"{}\"}}]},\"finish_reason\":null}," +
            "{\"index\":0,\"delta\":{\"content\":\" there\",\"refusal\":\"I can\"},\"logprobs\":{\"content\":[{\"token\":\" there\",\"logprob\":-0.2,\"bytes\":null,\"top_logprobs\":[]}],\"refusal\":null},\"finish_reason\":null}]}",
            "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":7,\"model\":\"m\",\"usage\":null,\"choices\":[" +
            "{\"index\":1,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\":1}\"}}]},\"finish_reason\":\"tool_calls\"}," +
            "{\"index\":0,\"delta\":{\"refusal\":\"not.\",\"x_trace\":{\"id\":\"a1\"}},\"finish_reason\":\"brand_new_reason\"}]}",
            "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":7,\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4,\"total_tokens\":7}}",
        ];
        var response = await AccumulateChat(string.Concat(chunks.Select(Event)) + Done);

        AssertJsonEqual(Json(response), JToken.Parse(
            "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":7,\"model\":\"m\",\"system_fingerprint\":\"fp_1\",\"prompt_filter_results\":[],\"choices\":[" +
            "{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi there\",\"refusal\":\"I cannot.\",\"x_trace\":{\"id\":\"a1\"}}," +
            "\"logprobs\":{\"content\":[{\"token\":\"Hi\",\"logprob\":-0.1,\"bytes\":[72,105],\"top_logprobs\":[]},{\"token\":\" there\",\"logprob\":-0.2,\"bytes\":null,\"top_logprobs\":[]}],\"refusal\":null},\"finish_reason\":\"brand_new_reason\"}," +
            "{\"index\":1,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" +
            "{\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"x\\\":1}\"}}," +
            "{\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}]},\"logprobs\":null,\"finish_reason\":\"tool_calls\"}]," +
            "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4,\"total_tokens\":7}}"));
    }

    [Test]
    public void The_legacy_function_call_is_accumulated()
    {
        var accumulator = new ChatCompletionAccumulator();
        foreach (var delta in new[]
                 {
                     "{\"role\":\"assistant\",\"content\":null,\"function_call\":{\"name\":\"get_weather\",\"arguments\":\"\"}}",
                     "{\"function_call\":{\"arguments\":\"{\\\"city\\\":\"}}",
                     "{\"function_call\":{\"arguments\":\"\\\"Oslo\\\"}\"}}",
                 })
        {
            accumulator.Append(Parse<CreateChatCompletionStreamResponse>(ChatChunk(JObject.Parse(delta))));
        }

        accumulator.Append(Parse<CreateChatCompletionStreamResponse>(ChatChunk(new JObject(), "function_call")));
        var message = accumulator.Snapshot().Choices.Single().Message;

#pragma warning disable CS0612 // function_call is deprecated by the spec, and tested on purpose.
        Assert.That(message.FunctionCall!.Name, Is.EqualTo("get_weather"));
        Assert.That(message.FunctionCall.Arguments, Is.EqualTo("{\"city\":\"Oslo\"}"));
#pragma warning restore CS0612
        Assert.That(Specified.IsSet(message, "ToolCalls"), Is.False);
    }

    [Test]
    public void A_snapshot_is_not_changed_by_later_chunks()
    {
        var accumulator = new ChatCompletionAccumulator();
        accumulator.Append(Parse<CreateChatCompletionStreamResponse>(ChatChunk(JObject.Parse(
            "{\"role\":\"assistant\",\"content\":\"a\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{\"}}]}"))));
        var early = accumulator.Snapshot();

        accumulator.Append(Parse<CreateChatCompletionStreamResponse>(ChatChunk(JObject.Parse(
            "{\"content\":\"b\",\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"}\"}},{\"index\":1,\"id\":\"call_2\",\"function\":{\"name\":\"g\"}}]}"), "stop")));
        var late = accumulator.Snapshot();

        var earlyChoice = early.Choices.Single();
        Assert.Multiple(() =>
        {
            Assert.That(earlyChoice.Message.Content, Is.EqualTo("a"));
            Assert.That(earlyChoice.Message.ToolCalls!.OfType<ChatCompletionMessageToolCall>().Single().Function.Arguments, Is.EqualTo("{"));
            Assert.That(earlyChoice.FinishReason, Is.Null, "no finish reason before the last chunk");
            Assert.That(late.Choices.Single().Message.Content, Is.EqualTo("ab"));
            Assert.That(late.Choices.Single().Message.ToolCalls!.OfType<ChatCompletionMessageToolCall>().Select(c => c.Function.Arguments), Is.EqualTo(new[] { "{}", "" }));
            Assert.That(late.Choices.Single().FinishReason, Is.EqualTo(CreateChatCompletionResponseChoiceFinishReason.Stop));
        });
    }

    [Test]
    public async Task Completion_chunks_accumulate_text_per_index_logprobs_and_usage()
    {
        // As the endpoint streams it: finish_reason null until a choice's last chunk, then a usage chunk.
        static string Chunk(string choices, string extra = "") =>
            "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1690759702,\"model\":\"gpt-3.5-turbo-instruct\"" + extra + ",\"choices\":[" + choices + "]}";
        _body = Event(Chunk("{\"text\":\"This\",\"index\":0,\"logprobs\":{\"tokens\":[\"This\"],\"token_logprobs\":[-0.5],\"top_logprobs\":[{\"This\":-0.5}],\"text_offset\":[0]},\"finish_reason\":null}"))
                + Event(Chunk("{\"text\":\"That\",\"index\":1,\"logprobs\":null,\"finish_reason\":null}", ",\"system_fingerprint\":\"fp_44709d6fcb\""))
                + Event(Chunk("{\"text\":\" is\",\"index\":0,\"logprobs\":{\"tokens\":[\" is\"],\"token_logprobs\":[-0.25],\"top_logprobs\":[{\" is\":-0.25}],\"text_offset\":[4]},\"finish_reason\":\"length\"}"))
                + Event(Chunk("{\"text\":\" was\",\"index\":1,\"logprobs\":null,\"finish_reason\":\"stop\"}"))
                + Event(Chunk(string.Empty, ",\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":4,\"total_tokens\":9}"))
                + Done;

        var accumulator = new CompletionAccumulator();
        foreach (var chunk in await CollectAsync(_server.CreateClient().CreateCompletionStreamAsync(CompletionRequest())))
        {
            accumulator.Append(chunk);
        }

        AssertJsonEqual(Json(accumulator.Snapshot()), JToken.Parse(
            "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1690759702,\"model\":\"gpt-3.5-turbo-instruct\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[" +
            "{\"text\":\"This is\",\"index\":0,\"logprobs\":{\"tokens\":[\"This\",\" is\"],\"token_logprobs\":[-0.5,-0.25],\"top_logprobs\":[{\"This\":-0.5},{\" is\":-0.25}],\"text_offset\":[0,4]},\"finish_reason\":\"length\"}," +
            "{\"text\":\"That was\",\"index\":1,\"logprobs\":null,\"finish_reason\":\"stop\"}]," +
            "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":4,\"total_tokens\":9}}"));
    }

    [Test]
    public void The_corrected_spec_streaming_completion_example_accumulates_to_its_text()
    {
        // The two hand-written defects of the example (missing comma after "model", trailing comma) are fixed by name.
        var example = SpecExamples.Response("/completions", "Streaming");
        Assert.That(example, Does.Contain("\"gpt-3.5-turbo-instruct\"\n").And.Contain("\"fp_44709d6fcb\",\n}"));
        var corrected = example.Replace("\"gpt-3.5-turbo-instruct\"\n", "\"gpt-3.5-turbo-instruct\",\n").Replace("\"fp_44709d6fcb\",\n}", "\"fp_44709d6fcb\"\n}");

        var accumulator = new CompletionAccumulator();
        accumulator.Append(Parse<CreateCompletionResponse>(corrected.Replace("\"finish_reason\": null", "\"finish_reason\": \"length\"")));
        var response = accumulator.Snapshot();

        Assert.That(response.Choices.Single().Text, Is.EqualTo("This"));
        Assert.That(response.Id, Is.EqualTo("cmpl-7iA7iJjj8V2zOkCGvWF2hAkDWBQZe"));
        Assert.That(response.SystemFingerprint, Is.EqualTo("fp_44709d6fcb"));
    }
}
