using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using OpenAI.Gen.Testing;
using static OpenAI.Gen.Tests.Conformance.ReplayingServer;

namespace OpenAI.Gen.Tests.Conformance;

/// <summary>
/// A loopback server replaying departures seen from compatible servers (transcripts written here, shaped like what
/// Ollama, vLLM and Azure OpenAI send): each is reported by JSON path and rule, DEPARTS when this client reads it.
/// </summary>
public class ConformanceDepartureTests
{
    private const string Envelope = "\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"m\",\"system_fingerprint\":\"fp\"";

    // finish_reason "" until the last chunk (Ollama and several gateways), and no [DONE] at the end.
    private static readonly Transcript EmptyFinishReason = Events(
        false,
        "{" + Envelope + ",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"logprobs\":null,\"finish_reason\":\"\"}]}",
        "{" + Envelope + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" there\"},\"logprobs\":null,\"finish_reason\":\"stop\"}]}");

    // Azure OpenAI: a first chunk with no choices and empty id/model/object, carrying the prompt filter results.
    private static readonly Transcript AzureFirstChunk = Events(
        true,
        "{\"id\":\"\",\"object\":\"\",\"created\":0,\"model\":\"\",\"choices\":[],\"prompt_filter_results\":[{\"prompt_index\":0,\"content_filter_results\":{}}]}",
        "{" + Envelope + ",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"logprobs\":null,\"finish_reason\":\"stop\"}]}");

    // A tool-call delta without its index (some vLLM versions and gateways).
    private static readonly Transcript ToolCallWithoutIndex = Events(
        true,
        "{" + Envelope + ",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_current_weather\",\"arguments\":\"{}\"}}]},\"logprobs\":null,\"finish_reason\":null}]}",
        "{" + Envelope + ",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"tool_calls\"}]}");

    // A whole answer ending with finish_reason "eos" (llama.cpp-style servers), served as text/plain. The whole answers
    // carry every member some spec requires (refusal since 2024-08), so only the departure under test shows on each.
    private static readonly Transcript OtherFinishReason = new(200, "text/plain", """
        {"id": "cmpl-1", "object": "chat.completion", "created": 1700000000, "model": "m", "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi", "refusal": null}, "logprobs": null, "finish_reason": "eos"}]}
        """);

    // A whole answer without object and created.
    private static readonly Transcript NoCreated = new(200, "application/json", """
        {"id": "cmpl-1", "model": "m", "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi", "refusal": null}, "logprobs": null, "finish_reason": "stop"}]}
        """);

    // An error of another shape: "error" is a string, not an object (Ollama).
    private static readonly Transcript StringError = new(400, "application/json", """{"error": "json: cannot unmarshal number into Go struct field .model of type string"}""");

    [Test]
    public async Task Each_known_departure_is_named_by_chunk_path_and_rule()
    {
        await using var server = await StartAsync((_, body) =>
            IsInvalid(body) ? StringError
            : Streamed(body) ? (HasTools(body) ? ToolCallWithoutIndex : EmptyFinishReason)
            : body["messages"]?[0]?["content"] is JArray ? NoCreated
            : OtherFinishReason);

        var report = await new ConformanceRunner(new ConformanceOptions(server.BaseUrl) { Only = "createChatCompletion", Model = "m", Timeout = TimeSpan.FromSeconds(20) }).RunAsync();

        var text = new StringWriter();
        report.WriteText(text);
        TestContext.Out.WriteLine(text);
        string[] Departures(string title) => report.Checks.Single(c => c.Title == title).Departures.Select(d => d.ToString()).ToArray();
        ConformanceVerdict Verdict(string title) => report.Checks.Single(c => c.Title == title).Verdict;
        Assert.Multiple(() =>
        {
            Assert.That(report.Checks.Where(c => !c.IsProbe).Select(c => (string?)c.Request?["model"]), Is.All.EqualTo("m"), "--model replaces each example's model");

            Assert.That(Verdict("Streaming"), Is.EqualTo(ConformanceVerdict.Departs));
            Assert.That(Departures("Streaming"), Is.EqualTo(new[]
            {
                "$: the stream ended without data: [DONE]",
                "chunk 1: $.choices[0].finish_reason: \"\" is not one of stop, length, tool_calls, content_filter, function_call",
            }));

            Assert.That(Verdict("Default"), Is.EqualTo(ConformanceVerdict.Departs));
            Assert.That(Departures("Default"), Is.EqualTo(new[]
            {
                "$: Content-Type is text/plain, not application/json",
                "$.choices[0].finish_reason: \"eos\" is not one of stop, length, tool_calls, content_filter, function_call",
            }));

            Assert.That(Verdict("probe: invalid request ($.model is integer)"), Is.EqualTo(ConformanceVerdict.Departs));
            Assert.That(Departures("probe: invalid request ($.model is integer)"), Is.EqualTo(new[] { "$.error: expected an object (message, type, param, code), found string" }));

            // Read by this client's lenient reading: departures, not failures.
            Assert.That(Verdict("Image input"), Is.EqualTo(ConformanceVerdict.Departs));
            Assert.That(Departures("Image input"), Is.EquivalentTo(new[] { "$.created missing", "$.object missing" }));
            Assert.That(Verdict("probe: tool call"), Is.EqualTo(ConformanceVerdict.Departs));
            Assert.That(Departures("probe: tool call"), Is.EqualTo(new[] { "chunk 1: $.choices[0].delta.tool_calls[0].index missing" }));
            Assert.That(report.Checks.Where(c => c.Verdict != ConformanceVerdict.Skipped).Select(c => c.Verdict), Is.All.EqualTo(ConformanceVerdict.Departs));
            Assert.That(report.Succeeded, Is.True);
        });
    }

    [Test]
    public async Task Azures_empty_first_chunk_is_named_by_its_paths()
    {
        await using var server = await StartAsync((_, body) => IsInvalid(body) ? StringError : Streamed(body) ? AzureFirstChunk : OtherFinishReason);

        var report = await new ConformanceRunner(new ConformanceOptions(server.BaseUrl) { Only = "/chat/completions", Timeout = TimeSpan.FromSeconds(20) }).RunAsync();

        var streaming = report.Checks.Single(c => c.Title == "Streaming");
        Assert.Multiple(() =>
        {
            Assert.That(streaming.Verdict, Is.EqualTo(ConformanceVerdict.Departs), streaming.ToString());
            Assert.That(streaming.Departures.Select(d => d.ToString()), Is.EqualTo(new[] { "chunk 1: $.object: \"\" is not one of chat.completion.chunk" }));
            Assert.That(streaming.Chunks, Is.EqualTo(2));
        });
    }
}
