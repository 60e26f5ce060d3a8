using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using OpenAI.Chat;

namespace OpenAI.Gen.Benchmarks;

/// <summary>
/// The first call in a fresh process: client construction, serializer contracts, JIT. Each launch is a new process
/// that measures one call. The setup builds only byte arrays, so neither client's JSON library is warmed by it.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ColdStartBenchmark
{
    private const string Call = "Call";
    private const string Stream = "Stream";

    // A typical answer, written here rather than read from the spec so that no JSON reader runs before the call.
    private const string Answer = "{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion\",\"created\":1727000000,\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_44709d6fcb\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hello there, how may I assist you today?\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21,\"completion_tokens_details\":{\"reasoning_tokens\":0}}}";

    private byte[] _answer = null!;
    private byte[] _stream = null!;

    /// <summary>The bodies both clients read.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _answer = Encoding.UTF8.GetBytes(Answer);
        _stream = ChatStreamBody.Build(10, StreamKind.Text);
    }

    /// <summary>OpenAI.Gen: a new client and its first <c>CreateChatCompletionAsync</c>.</summary>
    [Benchmark, BenchmarkCategory(Call)]
    public async Task<int> OpenAIGenFirstCall()
    {
        var client = new OpenAIClient(new HttpClient(new InMemoryResponseHandler(_answer, "application/json")), "sk-bench");
        var response = await client.CreateChatCompletionAsync(new CreateChatCompletionRequest { Model = "gpt-4o-mini", Messages = { new ChatCompletionRequestUserMessage { Content = "Hello!" } } });
        return response.Choices[0].Message.Content!.Length;
    }

    /// <summary>The official SDK: a new <c>ChatClient</c> and its first <c>CompleteChatAsync</c>.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Call)]
    public async Task<int> OfficialSdkFirstCall()
    {
        var client = Official(_answer, "application/json");
        var completion = await client.CompleteChatAsync(new UserChatMessage("Hello!"));
        return completion.Value.Content[0].Text.Length;
    }

    /// <summary>OpenAI.Gen: a new client and its first streamed answer (10 chunks).</summary>
    [Benchmark, BenchmarkCategory(Stream)]
    public async Task<int> OpenAIGenFirstStream()
    {
        var client = new OpenAIClient(new HttpClient(new InMemoryResponseHandler(_stream, "text/event-stream")), "sk-bench");
        var length = 0;
        await foreach (var chunk in client.CreateChatCompletionStreamAsync(new CreateChatCompletionRequest { Model = "gpt-4o-mini", Messages = { new ChatCompletionRequestUserMessage { Content = "Hello!" } } }))
        {
            length += chunk.Choices[0].Delta.Content?.Length ?? 0;
        }

        return length;
    }

    /// <summary>The official SDK: a new <c>ChatClient</c> and its first streamed answer (10 chunks).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Stream)]
    public async Task<int> OfficialSdkFirstStream()
    {
        var client = Official(_stream, "text/event-stream");
        var length = 0;
        await foreach (var update in client.CompleteChatStreamingAsync(new UserChatMessage("Hello!")))
        {
            foreach (var part in update.ContentUpdate)
            {
                length += part.Text.Length;
            }
        }

        return length;
    }

    private static ChatClient Official(byte[] body, string mediaType) => new("gpt-4o-mini", new ApiKeyCredential("sk-bench"), new OpenAI.OpenAIClientOptions
    {
        Transport = new HttpClientPipelineTransport(new HttpClient(new InMemoryResponseHandler(body, mediaType))),
    });
}
