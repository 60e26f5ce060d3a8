using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Tests.Streaming;

/// <summary>Chunks and events as the API streams them, for the streaming tests.</summary>
public static class StreamFixtures
{
    /// <summary>The event that ends a stream.</summary>
    public const string Done = "data: [DONE]\n\n";

    /// <summary>A chat chunk of completion chatcmpl-1 with one choice.</summary>
    public static string ChatChunk(JObject delta, string? finishReason = null, int index = 0) => new JObject
    {
        ["id"] = "chatcmpl-1",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1700000000,
        ["model"] = "gpt-test",
        ["choices"] = new JArray(new JObject
        {
            ["index"] = index,
            ["delta"] = delta,
            ["logprobs"] = null,
            ["finish_reason"] = finishReason,
        }),
    }.ToString(Formatting.None);

    /// <summary>A chat chunk whose delta holds only <paramref name="content"/>.</summary>
    public static string ContentChunk(string content) => ChatChunk(new JObject { ["content"] = content });

    /// <summary>A legacy completion chunk with one choice; <paramref name="finishReason"/> is null but in the last one, as on the wire.</summary>
    public static string CompletionChunk(string text, string? finishReason, int index = 0) => new JObject
    {
        ["id"] = "cmpl-1",
        ["object"] = "text_completion",
        ["created"] = 1700000000,
        ["choices"] = new JArray(new JObject
        {
            ["text"] = text,
            ["index"] = index,
            ["logprobs"] = null,
            ["finish_reason"] = finishReason,
        }),
        ["model"] = "gpt-test-instruct",
    }.ToString(Formatting.None);

    /// <summary>A data-only event with LF line ends.</summary>
    public static string Event(string data) => "data: " + data + "\n\n";

    /// <summary>A stream of content chunks, ended by [DONE].</summary>
    public static string ContentStream(params string[] contents) => string.Concat(contents.Select(c => Event(ContentChunk(c)))) + Done;

    /// <summary>The text of each chunk's first choice delta.</summary>
    public static List<string?> Contents(IEnumerable<CreateChatCompletionStreamResponse> chunks) =>
        chunks.Select(c => c.Choices.Single().Delta.Content).ToList();

    /// <summary>Reads a whole stream, bounded by <see cref="LoopbackServer.Patience"/>.</summary>
    public static async Task<List<T>> CollectAsync<T>(IAsyncEnumerable<T> stream)
    {
        using var timeout = new CancellationTokenSource(LoopbackServer.Patience);
        var items = new List<T>();
        await foreach (var item in stream.WithCancellation(timeout.Token))
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>Reads a stream until it throws, bounded; returns the chunks read before and the exception.</summary>
    public static async Task<(List<T> Items, Exception? Error)> CollectUntilErrorAsync<T>(IAsyncEnumerable<T> stream)
    {
        var items = new List<T>();
        try
        {
            using var timeout = new CancellationTokenSource(LoopbackServer.Patience);
            await foreach (var item in stream.WithCancellation(timeout.Token))
            {
                items.Add(item);
            }
        }
        catch (Exception ex)
        {
            return (items, ex);
        }

        return (items, null);
    }

    /// <summary>A minimal chat request.</summary>
    public static CreateChatCompletionRequest ChatRequest() => new()
    {
        Model = "gpt-test",
        Messages = { new ChatCompletionRequestUserMessage { Content = "Hello!" } },
    };

    /// <summary>A minimal completions request.</summary>
    public static CreateCompletionRequest CompletionRequest() => new() { Model = "gpt-test-instruct", Prompt = "Say this is a test" };
}
