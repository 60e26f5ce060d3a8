using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Extensions.AI;

/// <summary>
/// Turns streamed chat completion chunks into <see cref="ChatResponseUpdate"/>s, one per chunk: text deltas as
/// <see cref="Microsoft.Extensions.AI.TextContent"/>, tool calls assembled and given whole (as <see cref="FunctionCallContent"/>) with the
/// chunk that carries the finish reason, the usage chunk as <see cref="UsageContent"/>.
/// </summary>
internal static class StreamingUpdateReader
{
    private static readonly SpecMember<CreateChatCompletionStreamResponse> Usage = new("usage");
    private static readonly SpecMember<ChatCompletionStreamResponseDelta> Refusal = new("refusal");

    public static async IAsyncEnumerable<ChatResponseUpdate> ReadAsync(IAsyncEnumerable<CreateChatCompletionStreamResponse> chunks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var toolCalls = new StreamedToolCalls();
        var refusal = new StringBuilder();
        var role = ChatRole.Assistant;
        var number = 0;
        ChatResponseUpdate? last = null;
        await foreach (var chunk in chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            number++;
            var update = new ChatResponseUpdate
            {
                ResponseId = chunk.Id,
                MessageId = chunk.Id,
                ModelId = chunk.Model,
                CreatedAt = DateTimeOffset.FromUnixTimeSeconds(chunk.Created),
                RawRepresentation = chunk,
            };

            // Only the first choice becomes updates: updates have no choice index to keep several apart.
            foreach (var choice in chunk.Choices ?? (IList<CreateChatCompletionStreamResponseChoice>)Array.Empty<CreateChatCompletionStreamResponseChoice>())
            {
                if (choice.Index != 0)
                {
                    continue;
                }

                var delta = choice.Delta;
                if (delta?.Role is { } deltaRole)
                {
                    role = new ChatRole(deltaRole.Value);
                }

                if (!string.IsNullOrEmpty(delta?.Content))
                {
                    update.Contents.Add(new Microsoft.Extensions.AI.TextContent(delta!.Content));
                }
                else if (delta != null && ChatResponseReader.AsString(Refusal.Read(delta, delta.AdditionalProperties)) is { } piece)
                {
                    // Only a delta without content can carry a refusal, so text deltas skip the look-up.
                    refusal.Append(piece);
                }

                foreach (var fragment in delta?.ToolCalls ?? (IList<ChatCompletionMessageToolCallChunk>)Array.Empty<ChatCompletionMessageToolCallChunk>())
                {
                    toolCalls.Append(fragment, number);
                }

                if (choice.FinishReason is { } finish)
                {
                    update.FinishReason = ChatResponseReader.FinishReason(finish.Value);
                    Complete(update, toolCalls, refusal, number);
                }
            }

            // Asked for, the usage comes in a last chunk (typed by newer specs, an extra member before); others have none or null.
            if (Usage.Read(chunk, chunk.AdditionalProperties) is { } usage and not JValue { Type: JTokenType.Null })
            {
                update.Contents.Add(new UsageContent(ChatResponseReader.Usage(ReadUsage(usage, number))));
            }

            update.Role = role;
            last = update;
            yield return update;
        }

        // A stream that ended without a finish reason still hands over the calls it announced.
        if (toolCalls.HasPending || refusal.Length > 0)
        {
            var tail = new ChatResponseUpdate { ResponseId = last?.ResponseId, MessageId = last?.MessageId, ModelId = last?.ModelId, CreatedAt = last?.CreatedAt, Role = role };
            Complete(tail, toolCalls, refusal, number);
            yield return tail;
        }
    }

    // Whichever type the spec gives the chunk's usage, it is read as the response's CompletionUsage.
    private static CompletionUsage ReadUsage(object usage, int number)
    {
        if (usage is CompletionUsage typed)
        {
            return typed;
        }

        var token = usage as JToken ?? OpenAIJson.Default.ToToken(usage);
        try
        {
            return (CompletionUsage)OpenAIJson.Default.FromToken(token, typeof(CompletionUsage))!;
        }
        catch (JsonException e)
        {
            throw new OpenAIStreamException(
                $"The usage of chunk {number} is not a valid CompletionUsage: {e.Message}", number, 200, token.ToString(Formatting.None), new Dictionary<string, IEnumerable<string>>(), e);
        }
    }

    private static void Complete(ChatResponseUpdate update, StreamedToolCalls toolCalls, StringBuilder refusal, int number)
    {
        if (refusal.Length > 0)
        {
            update.Contents.Add(new ErrorContent(refusal.ToString()) { ErrorCode = "refusal" });
            refusal.Clear();
        }

        foreach (var call in toolCalls.Complete(number))
        {
            update.Contents.Add(call);
        }
    }
}
