using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using OpenAI.Gen.Extensions.AI;

namespace OpenAI.Gen.Benchmarks;

/// <summary>
/// Reads the same 1,000-chunk stream from memory through Microsoft.Extensions.AI: OpenAI.Gen's <c>IChatClient</c>, the
/// official one (Microsoft.Extensions.AI.OpenAI over the official SDK), and OpenAI.Gen's own streaming call underneath
/// ours, to show what the adapter adds.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 9)]
public class ChatClientStreamingBenchmark
{
    private const int Chunks = 1000;

    private IChatClient _ours = null!;
    private IChatClient _official = null!;
    private OpenAIClient _raw = null!;
    private CreateChatCompletionRequest _rawRequest = null!;

    /// <summary>Builds the clients over the same body and checks that each reads all of it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var body = ChatStreamBody.Create(Chunks);
        _raw = new OpenAIClient(new HttpClient(new InMemoryResponseHandler(body, "text/event-stream")), "sk-bench");
        _rawRequest = new CreateChatCompletionRequest { Model = "gpt-4o-mini", Messages = { new ChatCompletionRequestUserMessage { Content = "Hello!" } } };
        _ours = _raw.AsIChatClient("gpt-4o-mini");
        _official = new OpenAI.Chat.ChatClient("gpt-4o-mini", new ApiKeyCredential("sk-bench"), new OpenAI.OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(new HttpClient(new InMemoryResponseHandler(body, "text/event-stream"))),
        }).AsIChatClient();

        var expected = ChatStreamBody.TextLength(Chunks);
        var lengths = (OpenAIGenChatClient().GetAwaiter().GetResult(), OfficialChatClient().GetAwaiter().GetResult(), OpenAIGenStream().GetAwaiter().GetResult());
        if (lengths != (expected, expected, expected))
        {
            throw new InvalidOperationException($"Text read (ours, official, raw): {lengths}, expected {expected} each.");
        }
    }

    /// <summary>OpenAI.Gen's <c>IChatClient</c>: <c>GetStreamingResponseAsync</c>.</summary>
    [Benchmark]
    public Task<int> OpenAIGenChatClient() => ReadAsync(_ours);

    /// <summary>Microsoft.Extensions.AI.OpenAI's <c>IChatClient</c> over the official SDK.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> OfficialChatClient() => ReadAsync(_official);

    /// <summary>OpenAI.Gen's <c>CreateChatCompletionStreamAsync</c>, which our <c>IChatClient</c> calls.</summary>
    [Benchmark]
    public async Task<int> OpenAIGenStream()
    {
        var length = 0;
        await foreach (var chunk in _raw.CreateChatCompletionStreamAsync(_rawRequest))
        {
            length += chunk.Choices[0].Delta.Content?.Length ?? 0;
        }

        return length;
    }

    private static async Task<int> ReadAsync(IChatClient client)
    {
        var length = 0;
        await foreach (var update in client.GetStreamingResponseAsync("Hello!"))
        {
            length += update.Text.Length;
        }

        return length;
    }
}
