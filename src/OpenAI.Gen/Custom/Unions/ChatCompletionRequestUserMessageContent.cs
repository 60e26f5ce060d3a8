using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>
/// The <c>content</c> of a user message: plain text (a JSON string) or typed parts (a JSON array of text, image and
/// — from newer servers — other parts, see <see cref="ChatCompletionRequestMessageContentPart"/>). It is written in the
/// shape it was created or read with.
/// </summary>
/// <example><code>
/// message.Content = "Hello!";
/// message.Content = new ChatCompletionRequestMessageContentPart[] { ChatContentPart.Text("What is this?"), ChatContentPart.ImageUrl("https://…") };
/// </code></example>
[JsonConverter(typeof(ChatCompletionRequestUserMessageContentConverter))]
public sealed class ChatCompletionRequestUserMessageContent
{
    private readonly string? _text;
    private readonly ReadOnlyCollection<ChatCompletionRequestMessageContentPart>? _parts;

    private ChatCompletionRequestUserMessageContent(string? text, ReadOnlyCollection<ChatCompletionRequestMessageContentPart>? parts)
    {
        _text = text;
        _parts = parts;
    }

    /// <summary>Whether this is plain text, written as a JSON string.</summary>
    public bool IsText => _text != null;

    /// <summary>Whether this is a list of parts, written as a JSON array.</summary>
    public bool IsParts => _parts != null;

    /// <summary>Plain text, written as a JSON string.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ChatCompletionRequestUserMessageContent FromText(string text) =>
        new(text ?? throw new ArgumentNullException(nameof(text)), null);

    /// <summary>Typed parts, written as a JSON array (also when there is only one part).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> or one of its items is null.</exception>
    public static ChatCompletionRequestUserMessageContent FromParts(IEnumerable<ChatCompletionRequestMessageContentPart> parts)
    {
        var list = (parts ?? throw new ArgumentNullException(nameof(parts))).ToList();
        if (list.Contains(null!))
        {
            throw new ArgumentNullException(nameof(parts), "A content part is null.");
        }

        return new(null, list.AsReadOnly());
    }

    /// <summary>Typed parts, written as a JSON array (also when there is only one part).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> or one of its items is null.</exception>
    public static ChatCompletionRequestUserMessageContent FromParts(params ChatCompletionRequestMessageContentPart[] parts) =>
        FromParts((IEnumerable<ChatCompletionRequestMessageContentPart>)parts);

    /// <summary>Converts plain text (see <see cref="FromText"/>).</summary>
    public static implicit operator ChatCompletionRequestUserMessageContent(string text) => FromText(text);

    /// <summary>Converts typed parts (see <see cref="FromParts(ChatCompletionRequestMessageContentPart[])"/>).</summary>
    public static implicit operator ChatCompletionRequestUserMessageContent(ChatCompletionRequestMessageContentPart[] parts) => FromParts(parts);

    /// <summary>Converts typed parts (see <see cref="FromParts(IEnumerable{ChatCompletionRequestMessageContentPart})"/>).</summary>
    public static implicit operator ChatCompletionRequestUserMessageContent(List<ChatCompletionRequestMessageContentPart> parts) =>
        FromParts((IEnumerable<ChatCompletionRequestMessageContentPart>)parts);

    /// <summary>Gets the text when this is plain text.</summary>
    public bool TryGetText([NotNullWhen(true)] out string? text)
    {
        text = _text;
        return text != null;
    }

    /// <summary>Gets the parts when this is a list of parts; match them on their variant types.</summary>
    public bool TryGetParts([NotNullWhen(true)] out IReadOnlyList<ChatCompletionRequestMessageContentPart>? parts)
    {
        parts = _parts;
        return parts != null;
    }

    /// <summary>The JSON this is written as.</summary>
    public override string ToString() => JsonConvert.SerializeObject(this);
}
