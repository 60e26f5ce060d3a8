using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using OpenAI.Chat;
using OfficialChatMessage = OpenAI.Chat.ChatMessage;

namespace OpenAI.Gen.Benchmarks;

/// <summary>
/// Reads a 1,000-chunk chat completion stream (text deltas, or a tool call's argument deltas) from the same
/// in-memory bytes with OpenAI.Gen and with the official OpenAI SDK, each through its own client and HTTP
/// pipeline, touching every chunk's text. Figures are per chunk (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ComparisonConfig))]
public class StreamingParseBenchmark
{
    private const int Chunks = 1000;

    private OpenAIClient _ours = null!;
    private CreateChatCompletionRequest _ourRequest = null!;
    private ChatClient _official = null!;
    private OfficialChatMessage[] _officialMessages = null!;

    /// <summary>What the chunks carry.</summary>
    [Params(StreamKind.Text, StreamKind.ToolCall)]
    public StreamKind Kind { get; set; }

    /// <summary>Builds both clients over the same body and checks that both read all of it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var body = ChatStreamBody.Build(Chunks, Kind);
        _ours = new OpenAIClient(new HttpClient(new InMemoryResponseHandler(body, "text/event-stream")), "sk-bench");
        _ourRequest = new CreateChatCompletionRequest { Model = "gpt-4o-mini", Messages = { new ChatCompletionRequestUserMessage { Content = "Hello!" } } };
        _official = new ChatClient("gpt-4o-mini", new ApiKeyCredential("sk-bench"), new OpenAI.OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(new HttpClient(new InMemoryResponseHandler(body, "text/event-stream"))),
        });
        _officialMessages = new OfficialChatMessage[] { new UserChatMessage("Hello!") };

        var expected = ChatStreamBody.TextLength(Chunks, Kind);
        var ours = OpenAIGen().GetAwaiter().GetResult();
        var official = OfficialSdk().GetAwaiter().GetResult();
        if (ours != expected || official != expected)
        {
            throw new InvalidOperationException($"{Kind} read: OpenAI.Gen {ours}, official {official}, expected {expected}.");
        }
    }

    /// <summary>OpenAI.Gen: <c>CreateChatCompletionStreamAsync</c>.</summary>
    [Benchmark(OperationsPerInvoke = Chunks)]
    public async Task<int> OpenAIGen()
    {
        var length = 0;
        await foreach (var chunk in _ours.CreateChatCompletionStreamAsync(_ourRequest))
        {
            var delta = chunk.Choices[0].Delta;
            length += delta.Content?.Length ?? 0;
            if (delta.ToolCalls is { Count: > 0 } calls)
            {
                length += calls[0].Function?.Arguments?.Length ?? 0;
            }
        }

        return length;
    }

    /// <summary>The official SDK: <c>CompleteChatStreamingAsync</c>.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Chunks)]
    public async Task<int> OfficialSdk()
    {
        var length = 0;
        await foreach (var update in _official.CompleteChatStreamingAsync(_officialMessages))
        {
            foreach (var part in update.ContentUpdate)
            {
                length += part.Text.Length;
            }

            foreach (var call in update.ToolCallUpdates)
            {
                // Arguments arrive as UTF-8 bytes; the pieces are ASCII, so bytes and characters agree.
                length += call.FunctionArgumentsUpdate?.ToMemory().Length ?? 0;
            }
        }

        return length;
    }
}
