using System;

namespace OpenAI.Gen;

/// <summary>Shortcuts for the parts of a user message (<see cref="ChatMessage.User(ChatCompletionRequestMessageContentPart[])"/>).</summary>
public static class ChatContentPart
{
    /// <summary>A <c>text</c> part.</summary>
    public static ChatCompletionRequestMessageContentPartText Text(string text) =>
        new() { Text = text ?? throw new ArgumentNullException(nameof(text)) };

    /// <summary>An <c>image_url</c> part.</summary>
    /// <param name="url">Address of the image, or the image itself as a <c>data:</c> URL (base64).</param>
    /// <param name="detail">The resolution the model looks at the image with; not written when null (the server then uses <c>auto</c>).</param>
    public static ChatCompletionRequestMessageContentPartImage ImageUrl(Uri url, ChatCompletionRequestMessageContentPartImageImageUrlDetail? detail = null)
    {
        var image = new ChatCompletionRequestMessageContentPartImageImageUrl { Url = url ?? throw new ArgumentNullException(nameof(url)) };
        if (detail != null)
        {
            image.Detail = detail;
        }

        return new ChatCompletionRequestMessageContentPartImage { ImageUrl = image };
    }

    /// <summary>An <c>image_url</c> part.</summary>
    /// <param name="url">Address of the image, or the image itself as a <c>data:</c> URL (base64); written exactly as given.</param>
    /// <param name="detail">The resolution the model looks at the image with; not written when null (the server then uses <c>auto</c>).</param>
    public static ChatCompletionRequestMessageContentPartImage ImageUrl(string url, ChatCompletionRequestMessageContentPartImageImageUrlDetail? detail = null) =>
        ImageUrl(new Uri(url ?? throw new ArgumentNullException(nameof(url)), UriKind.RelativeOrAbsolute), detail);
}
