using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.AI;
using Newtonsoft.Json.Linq;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace OpenAI.Gen.Extensions.AI;

/// <summary>Turns chat completion responses (and their parts shared with streamed chunks) into Microsoft.Extensions.AI types.</summary>
internal static class ChatResponseReader
{
    /// <summary>
    /// The response as a <see cref="ChatResponse"/> holding the message of the first choice (the only one unless the
    /// request asked for <c>n</c> &gt; 1; the others stay in <see cref="ChatResponse.RawRepresentation"/>).
    /// </summary>
    public static ChatResponse Read(CreateChatCompletionResponse response)
    {
        var choice = response.Choices?.OrderBy(c => c.Index).FirstOrDefault();
        var chat = new ChatResponse(choice == null ? new List<AIChatMessage>() : new List<AIChatMessage> { Message(choice.Message, response) })
        {
            ResponseId = response.Id,
            ModelId = response.Model,
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(response.Created),
            FinishReason = FinishReason(choice?.FinishReason?.Value),
            Usage = response.Usage == null ? null : Usage(response.Usage),
            RawRepresentation = response,
        };
        if (response.SystemFingerprint != null)
        {
            (chat.AdditionalProperties ??= new AdditionalPropertiesDictionary())["system_fingerprint"] = response.SystemFingerprint;
        }

        return chat;
    }

    /// <summary>The API's <c>finish_reason</c>; a value of a newer server is kept as it is.</summary>
    public static ChatFinishReason? FinishReason(string? value) => value switch
    {
        null => null,
        "stop" => ChatFinishReason.Stop,
        "length" => ChatFinishReason.Length,
        "tool_calls" or "function_call" => ChatFinishReason.ToolCalls,
        "content_filter" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(value),
    };

    /// <summary>
    /// Token counts, with the detail objects of newer APIs: cached prompt tokens and reasoning tokens go to their
    /// properties, every other count to <see cref="UsageDetails.AdditionalCounts"/> (e.g. <c>completion_tokens_details.audio_tokens</c>).
    /// </summary>
    public static UsageDetails Usage(CompletionUsage usage)
    {
        var details = new UsageDetails
        {
            InputTokenCount = usage.PromptTokens,
            OutputTokenCount = usage.CompletionTokens,
            TotalTokenCount = usage.TotalTokens,
        };
        foreach (var pair in usage.AdditionalProperties)
        {
            if (pair.Value is JObject group)
            {
                foreach (var member in group.Properties())
                {
                    AddCount(details, pair.Key + "." + member.Name, member.Value);
                }
            }
            else
            {
                AddCount(details, pair.Key, pair.Value);
            }
        }

        return details;
    }

    /// <summary>A model's tool call as a <see cref="FunctionCallContent"/>; arguments that are not a JSON object are reported in its <see cref="FunctionCallContent.Exception"/>.</summary>
    public static FunctionCallContent FunctionCall(ChatCompletionMessageToolCall call)
    {
        var content = FunctionCallContent.CreateFromParsedArguments(call.Function.Arguments ?? string.Empty, call.Id, call.Function.Name, JsonBridge.ParseArguments);
        content.RawRepresentation = call;
        return content;
    }

    private static AIChatMessage Message(ChatCompletionResponseMessage message, CreateChatCompletionResponse response)
    {
        var contents = new List<AIContent>();
        if (!string.IsNullOrEmpty(message.Content))
        {
            contents.Add(new TextContent(message.Content));
        }

        // A refusal (a member of newer APIs) is the model declining: an error, not text of the answer.
        if (ExtraString(message.AdditionalProperties, "refusal") is { } refusal)
        {
            contents.Add(new ErrorContent(refusal) { ErrorCode = "refusal" });
        }

        foreach (var call in message.ToolCalls ?? Enumerable.Empty<ChatCompletionMessageToolCall>())
        {
            contents.Add(FunctionCall(call));
        }

        return new AIChatMessage(new ChatRole(message.Role?.Value ?? ChatRole.Assistant.Value), contents)
        {
            MessageId = response.Id,
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(response.Created),
            RawRepresentation = message,
        };
    }

    /// <summary>
    /// A string member the spec does not name. Newtonsoft keeps such members as plain .NET values when it reads them
    /// (and as tokens when they were set from a token), so both are looked at.
    /// </summary>
    public static string? ExtraString(IDictionary<string, object> members, string name) =>
        members.TryGetValue(name, out var value) ? value switch
        {
            string text => text,
            JValue { Type: JTokenType.String } token => (string?)token,
            _ => null,
        } : null;

    private static void AddCount(UsageDetails details, string key, object? value)
    {
        long count;
        switch (value)
        {
            case long number:
                count = number;
                break;
            case int number:
                count = number;
                break;
            case JValue { Type: JTokenType.Integer } token:
                count = (long)token;
                break;
            default:
                return;
        }

        switch (key)
        {
            case "prompt_tokens_details.cached_tokens":
                details.CachedInputTokenCount = count;
                break;
            case "completion_tokens_details.reasoning_tokens":
                details.ReasoningTokenCount = count;
                break;
            default:
                (details.AdditionalCounts ??= new AdditionalPropertiesDictionary<long>())[key] = count;
                break;
        }
    }
}
