using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenAI.Gen;

/// <summary>
/// Shortcuts for the messages of a chat request. Each returns the concrete variant (so more members can be set), which
/// is a <see cref="ChatCompletionRequestMessage"/>; to read messages, match on the variant types:
/// <code>
/// switch (message)
/// {
///     case ChatCompletionRequestUserMessage user: …
///     case ChatCompletionRequestMessageUnknown other: … other.Role …
/// }
/// </code>
/// </summary>
public static class ChatMessage
{
    /// <summary>A <c>system</c> message: instructions for the assistant.</summary>
    /// <param name="content">The instructions.</param>
    /// <param name="name">An optional participant name; not written when null.</param>
    public static ChatCompletionRequestSystemMessage System(string content, string? name = null)
    {
        var message = new ChatCompletionRequestSystemMessage { Content = content ?? throw new ArgumentNullException(nameof(content)) };
        if (name != null)
        {
            message.Name = name;
        }

        return message;
    }

    /// <summary>A <c>user</c> message with plain text (written as a JSON string).</summary>
    /// <param name="content">The text.</param>
    /// <param name="name">An optional participant name; not written when null.</param>
    public static ChatCompletionRequestUserMessage User(string content, string? name = null)
    {
        var message = new ChatCompletionRequestUserMessage { Content = ChatCompletionRequestUserMessageContent.FromText(content) };
        if (name != null)
        {
            message.Name = name;
        }

        return message;
    }

    /// <summary>A <c>user</c> message made of parts (written as a JSON array), see <see cref="ChatContentPart"/>.</summary>
    public static ChatCompletionRequestUserMessage User(params ChatCompletionRequestMessageContentPart[] parts) =>
        new() { Content = ChatCompletionRequestUserMessageContent.FromParts(parts) };

    /// <summary>A <c>user</c> message made of parts (written as a JSON array), see <see cref="ChatContentPart"/>.</summary>
    public static ChatCompletionRequestUserMessage User(IEnumerable<ChatCompletionRequestMessageContentPart> parts) =>
        new() { Content = ChatCompletionRequestUserMessageContent.FromParts(parts) };

    /// <summary>An <c>assistant</c> message with text, e.g. an earlier answer of the model.</summary>
    /// <param name="content">The text.</param>
    /// <param name="name">An optional participant name; not written when null.</param>
    public static ChatCompletionRequestAssistantMessage Assistant(string content, string? name = null)
    {
        var message = new ChatCompletionRequestAssistantMessage { Content = content ?? throw new ArgumentNullException(nameof(content)) };
        if (name != null)
        {
            message.Name = name;
        }

        return message;
    }

    /// <summary>An <c>assistant</c> message that called tools (no <c>content</c> is written).</summary>
    public static ChatCompletionRequestAssistantMessage Assistant(IEnumerable<ChatCompletionMessageToolCall> toolCalls)
    {
        var message = new ChatCompletionRequestAssistantMessage();
        message.ToolCalls = ListLike(message.ToolCalls, toolCalls ?? throw new ArgumentNullException(nameof(toolCalls)));
        return message;
    }

    /// <summary>
    /// The model's answer (<c>choices[i].message</c> of a response) as the assistant message to send back in the next
    /// request: its content, tool calls and legacy function call. Members this client does not know are not carried over,
    /// since a request may not accept what a response carries.
    /// </summary>
    public static ChatCompletionRequestAssistantMessage Assistant(ChatCompletionResponseMessage answer)
    {
        if (answer == null)
        {
            throw new ArgumentNullException(nameof(answer));
        }

        var message = new ChatCompletionRequestAssistantMessage();
        if (answer.Content != null)
        {
            message.Content = answer.Content;
        }

        if (answer.ToolCalls != null)
        {
            message.ToolCalls = ListLike(message.ToolCalls, answer.ToolCalls);
        }

#pragma warning disable CS0612, CS0618 // The legacy function_call is carried over for the callers that still use it.
        if (answer.FunctionCall is { } call)
        {
            message.FunctionCall = new ChatCompletionRequestAssistantMessageFunctionCall { Name = call.Name, Arguments = call.Arguments };
        }
#pragma warning restore CS0612, CS0618

        return message;
    }

    /// <summary>A <c>tool</c> message: what the tool call <paramref name="toolCallId"/> returned.</summary>
    /// <param name="toolCallId">The <c>id</c> of the tool call this answers.</param>
    /// <param name="content">The result, usually JSON text.</param>
    public static ChatCompletionRequestToolMessage Tool(string toolCallId, string content) => new()
    {
        ToolCallId = toolCallId ?? throw new ArgumentNullException(nameof(toolCallId)),
        Content = content ?? throw new ArgumentNullException(nameof(content)),
    };

    // A list of the element type the spec gives tool_calls, inferred from the property: function tool calls, or (newer
    // specs) a union of tool call kinds that function tool calls belong to.
    private static List<TItem> ListLike<TItem>(IList<TItem>? property, IEnumerable<object> items) => items.Cast<TItem>().ToList();
}
