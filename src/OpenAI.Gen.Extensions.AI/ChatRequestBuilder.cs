using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.Extensions.AI;
using Newtonsoft.Json.Linq;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
// Newer specs have a ReasoningEffort schema of their own, which the enclosing OpenAI.Gen namespace would find first.
using AIReasoningEffort = Microsoft.Extensions.AI.ReasoningEffort;

namespace OpenAI.Gen.Extensions.AI;

/// <summary>
/// Turns Microsoft.Extensions.AI messages and <see cref="ChatOptions"/> into a <see cref="CreateChatCompletionRequest"/>.
/// What a request from <see cref="ChatOptions.RawRepresentationFactory"/> already sets wins over the options, and the
/// typed options win over <see cref="ChatOptions.AdditionalProperties"/>.
/// </summary>
internal static class ChatRequestBuilder
{
    private const string MaxTokens = "max_tokens";
    private const string MaxCompletionTokens = "max_completion_tokens";

    /// <summary>Builds the request; throws <see cref="NotSupportedException"/> naming the message, content or option that has no place in it.</summary>
    public static CreateChatCompletionRequest Build(IEnumerable<AIChatMessage> messages, ChatOptions? options, string? defaultModelId, IChatClient owner)
    {
        if (messages == null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        var request = options?.RawRepresentationFactory?.Invoke(owner) switch
        {
            null => new CreateChatCompletionRequest(),
            CreateChatCompletionRequest raw => raw,
            var other => throw new InvalidOperationException(
                $"ChatOptions.RawRepresentationFactory returned a {other.GetType().FullName}; this chat client takes a {typeof(CreateChatCompletionRequest).FullName} or null."),
        };

        if (string.IsNullOrEmpty(request.Model))
        {
            request.Model = options?.ModelId ?? defaultModelId
                ?? throw new ArgumentException("No model to ask: set ChatOptions.ModelId or give the chat client a default model.", nameof(options));
        }

        // A copy, since a raw request may hold a fixed-size list.
        var wire = new List<ChatCompletionRequestMessage>(request.Messages ?? Enumerable.Empty<ChatCompletionRequestMessage>());
        if (!string.IsNullOrEmpty(options?.Instructions))
        {
            wire.Add(new ChatCompletionRequestSystemMessage { Content = options!.Instructions! });
        }

        var index = 0;
        foreach (var message in messages)
        {
            AddMessage(wire, message, $"messages[{index++}]");
        }

        request.Messages = wire;
        if (options != null)
        {
            ApplyOptions(request, options);
        }

        return request;
    }

    private static void AddMessage(List<ChatCompletionRequestMessage> wire, AIChatMessage message, string at)
    {
        if (message == null)
        {
            throw new ArgumentException($"{at} is null.", "messages");
        }

        // An explicit wire message (e.g. a role this client does not model) is sent as it is.
        if (message.RawRepresentation is ChatCompletionRequestMessage raw)
        {
            wire.Add(raw);
            return;
        }

        var role = message.Role;
        if (role == ChatRole.User)
        {
            wire.Add(User(message, at));
        }
        else if (role == ChatRole.Assistant)
        {
            wire.Add(Assistant(message, at));
        }
        else if (role == ChatRole.Tool)
        {
            AddToolResults(wire, message, at);
        }
        else if (role == ChatRole.System)
        {
            var system = new ChatCompletionRequestSystemMessage { Content = TextOnly(message, at) };
            if (message.AuthorName != null)
            {
                system.Name = message.AuthorName;
            }

            wire.Add(system);
        }
        else
        {
            // Any other role (e.g. "developer", only when the caller asks for it) goes out with its name and text, read
            // through the message union's own converter: the spec's typed message where the spec has that role, a kept
            // unknown message where it does not.
            var other = new JObject { ["role"] = role.Value, ["content"] = TextOnly(message, at) };
            if (message.AuthorName != null)
            {
                other["name"] = message.AuthorName;
            }

            wire.Add(other.ToObject<ChatCompletionRequestMessage>()!);
        }
    }

    private static ChatCompletionRequestUserMessage User(AIChatMessage message, string at)
    {
        var parts = new List<ChatCompletionRequestMessageContentPart>();
        var text = new StringBuilder();
        var textOnly = true;
        for (var i = 0; i < message.Contents.Count; i++)
        {
            switch (message.Contents[i])
            {
                case { RawRepresentation: ChatCompletionRequestMessageContentPart raw }:
                    parts.Add(raw);
                    textOnly = false;
                    break;
                case Microsoft.Extensions.AI.TextContent content:
                    parts.Add(ChatContentPart.Text(content.Text ?? string.Empty));
                    text.Append(content.Text);
                    break;
                case DataContent data when data.HasTopLevelMediaType("image"):
                    parts.Add(ChatContentPart.ImageUrl(data.Uri, Detail(data)));
                    textOnly = false;
                    break;
                case UriContent uri when uri.HasTopLevelMediaType("image"):
                    parts.Add(ChatContentPart.ImageUrl(uri.Uri, Detail(uri)));
                    textOnly = false;
                    break;
                case UsageContent:
                    break;
                case var content:
                    throw Unsupported(at, i, content, "a user message takes text and images (image/* media types) only");
            }
        }

        // Text alone goes out as a plain string, the form every compatible server reads.
        var user = new ChatCompletionRequestUserMessage
        {
            Content = textOnly ? ChatCompletionRequestUserMessageContent.FromText(text.ToString()) : ChatCompletionRequestUserMessageContent.FromParts(parts),
        };
        if (message.AuthorName != null)
        {
            user.Name = message.AuthorName;
        }

        return user;
    }

    private static ChatCompletionRequestAssistantMessage Assistant(AIChatMessage message, string at)
    {
        var text = new StringBuilder();
        var hasText = false;
        var calls = new List<ChatCompletionMessageToolCall>();
        for (var i = 0; i < message.Contents.Count; i++)
        {
            switch (message.Contents[i])
            {
                case Microsoft.Extensions.AI.TextContent content:
                    text.Append(content.Text);
                    hasText = true;
                    break;
                case FunctionCallContent call:
                    calls.Add(new ChatCompletionMessageToolCall
                    {
                        Id = call.CallId,
                        Function = new ChatCompletionMessageToolCallFunction
                        {
                            Name = call.Name,

                            // A call the model made goes back with its arguments exactly as the model wrote them
                            // (also when they did not parse); a call made in code is serialized.
                            Arguments = call.RawRepresentation is ChatCompletionMessageToolCall raw && raw.Id == call.CallId && raw.Function?.Name == call.Name
                                ? raw.Function.Arguments
                                : JsonBridge.SerializeArguments(call.Arguments),
                        },
                    });
                    break;
                case UsageContent:
                    break;
                case var content:
                    throw Unsupported(at, i, content, "an assistant message takes text and function calls only");
            }
        }

        // Built by the library's factory, which fits the calls to whatever tool_calls holds in the spec in use.
        var assistant = calls.Count > 0 ? ChatMessage.Assistant(calls) : new ChatCompletionRequestAssistantMessage();
        if (hasText || calls.Count == 0)
        {
            assistant.Content = text.ToString();
        }

        if (message.AuthorName != null)
        {
            assistant.Name = message.AuthorName;
        }

        return assistant;
    }

    private static void AddToolResults(List<ChatCompletionRequestMessage> wire, AIChatMessage message, string at)
    {
        var found = false;
        for (var i = 0; i < message.Contents.Count; i++)
        {
            switch (message.Contents[i])
            {
                case FunctionResultContent result:
                    wire.Add(ChatMessage.Tool(result.CallId, JsonBridge.ToResultText(result.Result)));
                    found = true;
                    break;
                case UsageContent:
                    break;
                case var content:
                    throw Unsupported(at, i, content, "a tool message takes function results only");
            }
        }

        if (!found)
        {
            throw new NotSupportedException($"{at}: a tool message needs at least one FunctionResultContent (one tool message is sent per result).");
        }
    }

    private static string TextOnly(AIChatMessage message, string at)
    {
        var text = new StringBuilder();
        for (var i = 0; i < message.Contents.Count; i++)
        {
            switch (message.Contents[i])
            {
                case Microsoft.Extensions.AI.TextContent content:
                    text.Append(content.Text);
                    break;
                case UsageContent:
                    break;
                case var content:
                    throw Unsupported(at, i, content, $"a {message.Role} message takes text only");
            }
        }

        return text.ToString();
    }

    private static ChatCompletionRequestMessageContentPartImageImageUrlDetail? Detail(AIContent content) =>
        content.AdditionalProperties?.TryGetValue("detail", out var value) == true && value is string detail
            ? ChatCompletionRequestMessageContentPartImageImageUrlDetail.Parse(detail)
            : null;

    private static void ApplyOptions(CreateChatCompletionRequest request, ChatOptions options)
    {
        if (options.TopK != null)
        {
            throw new NotSupportedException("ChatOptions.TopK: chat completions have no top_k parameter.");
        }

        if (options.ConversationId != null)
        {
            throw new NotSupportedException("ChatOptions.ConversationId: chat completions keep no conversation on the server; send the whole history as messages.");
        }

        if (options.ContinuationToken != null)
        {
            throw new NotSupportedException("ChatOptions.ContinuationToken: chat completions have no background responses to continue.");
        }

        if (options.Temperature is { } temperature)
        {
            ExtraMembers.SetUnlessPresent(request, "temperature", Widen(temperature, "ChatOptions.Temperature"), "ChatOptions.Temperature");
        }

        if (options.TopP is { } topP)
        {
            ExtraMembers.SetUnlessPresent(request, "top_p", Widen(topP, "ChatOptions.TopP"), "ChatOptions.TopP");
        }

        if (options.FrequencyPenalty is { } frequencyPenalty)
        {
            ExtraMembers.SetUnlessPresent(request, "frequency_penalty", Widen(frequencyPenalty, "ChatOptions.FrequencyPenalty"), "ChatOptions.FrequencyPenalty");
        }

        if (options.PresencePenalty is { } presencePenalty)
        {
            ExtraMembers.SetUnlessPresent(request, "presence_penalty", Widen(presencePenalty, "ChatOptions.PresencePenalty"), "ChatOptions.PresencePenalty");
        }

        if (options.MaxOutputTokens is { } maxTokens && !ExtraMembers.IsPresent(request, MaxCompletionTokens) && !ExtraMembers.IsPresent(request, MaxTokens))
        {
            // The newer member where the spec in use types it (it deprecates max_tokens, which reasoning models refuse);
            // max_tokens where it does not, as servers of that API expect. A caller can still send max_tokens itself
            // through ChatOptions.AdditionalProperties.
            ExtraMembers.SetUnlessPresent(request, ExtraMembers.IsTyped(MaxCompletionTokens) ? MaxCompletionTokens : MaxTokens, maxTokens, "ChatOptions.MaxOutputTokens");
        }

        if (options.Seed is { } seed)
        {
            ExtraMembers.SetUnlessPresent(request, "seed", seed, "ChatOptions.Seed");
        }

        if (options.StopSequences is { Count: > 0 } stop && !OpenAIJson.IsSet(request, nameof(request.Stop)))
        {
            request.Stop = StopSequences.FromList(stop);
        }

        if (options.ResponseFormat is { } format && !OpenAIJson.IsSet(request, nameof(request.ResponseFormat)))
        {
            request.ResponseFormat = ResponseFormat(format);
        }

        if (options.Reasoning?.Effort is { } effort)
        {
            // A member of newer APIs; ReasoningOptions.Output has no counterpart (chat completions return no reasoning text).
            var value = effort switch
            {
                AIReasoningEffort.None => "none",
                AIReasoningEffort.Low => "low",
                AIReasoningEffort.Medium => "medium",
                AIReasoningEffort.High => "high",
                AIReasoningEffort.ExtraHigh => "xhigh",
                _ => throw new NotSupportedException($"ChatOptions.Reasoning.Effort: {effort} has no reasoning_effort value."),
            };
            ExtraMembers.SetUnlessPresent(request, "reasoning_effort", value, "ChatOptions.Reasoning.Effort");
        }

        ApplyTools(request, options);
        ExtraMembers.Apply(request, options.AdditionalProperties);
    }

    private static void ApplyTools(CreateChatCompletionRequest request, ChatOptions options)
    {
        if (options.Tools is { Count: > 0 } tools)
        {
            request.Tools = Append(request.Tools, tools.Select((tool, i) => Tool(tool, $"ChatOptions.Tools[{i}]")));
        }

        if (request.Tools is not { Count: > 0 })
        {
            // The API refuses tool_choice without tools; middleware such as FunctionInvokingChatClient drops the tools
            // (and not always the mode) to get a final text answer, which is then what the model gives.
            return;
        }

        if (options.ToolMode is { } mode && !OpenAIJson.IsSet(request, nameof(request.ToolChoice)))
        {
            request.ToolChoice = mode switch
            {
                NoneChatToolMode => ChatCompletionToolChoiceOption.None,
                AutoChatToolMode => ChatCompletionToolChoiceOption.Auto,
                RequiredChatToolMode { RequiredFunctionName: { } name } => ChatCompletionToolChoiceOption.Function(name),
                RequiredChatToolMode => ChatCompletionToolChoiceOption.FromMode("required"),
                _ => throw new NotSupportedException($"ChatOptions.ToolMode: {mode.GetType().Name} has no tool_choice value."),
            };
        }

        if (options.AllowMultipleToolCalls is { } allow)
        {
            ExtraMembers.SetUnlessPresent(request, "parallel_tool_calls", allow, "ChatOptions.AllowMultipleToolCalls");
        }
    }

    // A new list of the element type the spec gives `tools` (function tools, or newer specs' union of tool kinds that
    // function tools belong to), inferred from the property: the request's own tools, then the added ones.
    private static List<TItem> Append<TItem>(IList<TItem>? own, IEnumerable<object> added) =>
        (own ?? Enumerable.Empty<TItem>()).Concat(added.Cast<TItem>()).ToList();

    private static ChatCompletionTool Tool(AITool tool, string at)
    {
        if (tool is not AIFunctionDeclaration function)
        {
            throw new NotSupportedException($"{at}: '{tool?.Name}' is a {tool?.GetType().Name ?? "null"}; chat completions take function tools (AIFunctionDeclaration) only.");
        }

        if (function.JsonSchema.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            throw new NotSupportedException($"{at}: the JSON schema of function '{function.Name}' is a {function.JsonSchema.ValueKind}, not an object.");
        }

        var parameters = new FunctionParameters();
        foreach (var member in (JObject)JsonBridge.ToToken(function.JsonSchema))
        {
            parameters.AdditionalProperties[member.Key] = member.Value!;
        }

        var wire = new FunctionObject { Name = function.Name, Parameters = parameters };
        if (!string.IsNullOrEmpty(function.Description))
        {
            wire.Description = function.Description;
        }

        return new ChatCompletionTool { Function = wire };
    }

    // Built as JSON and read through the DTO's own converters, so it fits whether the spec types response_format as an
    // object with an open `type` (2024-02) or as a union tagged by `type` (newer specs).
    private static CreateChatCompletionRequestResponseFormat ResponseFormat(ChatResponseFormat format)
    {
        JObject wire;
        switch (format)
        {
            case ChatResponseFormatText:
                wire = new JObject { ["type"] = "text" };
                break;
            case ChatResponseFormatJson { Schema: null }:
                wire = new JObject { ["type"] = "json_object" };
                break;
            case ChatResponseFormatJson json:
                // Structured outputs.
                var schema = new JObject
                {
                    ["name"] = json.SchemaName ?? "response",
                    ["schema"] = JsonBridge.ToToken(json.Schema.Value),
                };
                if (json.SchemaDescription != null)
                {
                    schema["description"] = json.SchemaDescription;
                }

                wire = new JObject { ["type"] = "json_schema", ["json_schema"] = schema };
                break;
            default:
                throw new NotSupportedException($"ChatOptions.ResponseFormat: {format.GetType().Name} has no response_format value.");
        }

        return wire.ToObject<CreateChatCompletionRequestResponseFormat>()!;
    }

    private static Exception Unsupported(string at, int index, AIContent content, string rule) =>
        new NotSupportedException($"{at}.Contents[{index}]: {Describe(content)} cannot be sent; {rule}.");

    private static string Describe(AIContent content) => content switch
    {
        DataContent data => $"a DataContent of media type '{data.MediaType}'",
        UriContent uri => $"a UriContent of media type '{uri.MediaType}'",
        null => "null",
        _ => "a " + content.GetType().Name,
    };

    // float → double through the shortest text keeps the value as written (0.7f becomes 0.7, not 0.699999988079071).
    private static double Widen(float value, string option) =>
        float.IsNaN(value) || float.IsInfinity(value)
            ? throw new ArgumentOutOfRangeException(option, value, $"{option} must be a finite number.")
            : double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
