using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.AI;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace OpenAI.Gen.Extensions.AI;

/// <summary>Turns chat completion responses (and their parts shared with streamed chunks) into Microsoft.Extensions.AI types.</summary>
internal static class ChatResponseReader
{
    private static readonly SpecMember<ChatCompletionResponseMessage> Refusal = new("refusal");

    // Deprecated by newer specs (generated [Obsolete]) but still sent by the API.
    private static readonly SpecMember<CreateChatCompletionResponse> SystemFingerprint = new("system_fingerprint");
    private static readonly string[] Counts = { "prompt_tokens", "completion_tokens", "total_tokens" };

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
        if (AsString(SystemFingerprint.Read(response, response.AdditionalProperties)) is { } fingerprint)
        {
            (chat.AdditionalProperties ??= new AdditionalPropertiesDictionary())["system_fingerprint"] = fingerprint;
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

        // The details are read from the JSON: a newer spec types some (completion_tokens_details), the seed none.
        foreach (var member in ((JObject)OpenAIJson.Default.ToToken(usage)).Properties().Where(m => Array.IndexOf(Counts, m.Name) < 0))
        {
            if (member.Value is JObject group)
            {
                foreach (var count in group.Properties())
                {
                    AddCount(details, member.Name + "." + count.Name, count.Value);
                }
            }
            else
            {
                AddCount(details, member.Name, member.Value);
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
            contents.Add(new Microsoft.Extensions.AI.TextContent(message.Content));
        }

        // A refusal (a member of newer APIs) is the model declining: an error, not text of the answer.
        if (AsString(Refusal.Read(message, message.AdditionalProperties)) is { } refusal)
        {
            contents.Add(new ErrorContent(refusal) { ErrorCode = "refusal" });
        }

        // Function calls become FunctionCallContent; a kind of tool call M.E.AI has no content for (custom tools, in
        // newer specs) is kept as raw content rather than dropped.
        foreach (object call in message.ToolCalls ?? Enumerable.Empty<object>())
        {
            contents.Add(call is ChatCompletionMessageToolCall function ? FunctionCall(function) : new AIContent { RawRepresentation = call });
        }

        return new AIChatMessage(new ChatRole(message.Role?.Value ?? ChatRole.Assistant.Value), contents)
        {
            MessageId = response.Id,
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(response.Created),
            RawRepresentation = message,
        };
    }

    /// <summary>
    /// A <see cref="SpecMember{T}"/> value as a string: a typed one is a string; Newtonsoft keeps a member the spec
    /// does not name as a plain .NET value when it reads it (and as a token when it was set from one).
    /// </summary>
    public static string? AsString(object? value) => value switch
    {
        string text => text,
        JValue { Type: JTokenType.String } token => (string?)token,
        _ => null,
    };

    private static void AddCount(UsageDetails details, string key, JToken value)
    {
        if (value.Type != JTokenType.Integer)
        {
            return;
        }

        var count = (long)value;
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
