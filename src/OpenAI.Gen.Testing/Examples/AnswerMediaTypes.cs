using System;

namespace OpenAI.Gen.Testing;

/// <summary>What an answer's media type says about its body: JSON, text, an event stream, or binary (audio, images, files).</summary>
internal static class AnswerMediaTypes
{
    /// <summary>Whether an answer of <paramref name="mediaType"/> is neither JSON nor text (nor absent).</summary>
    public static bool IsBinary(string? mediaType) =>
        !string.IsNullOrEmpty(mediaType) && !IsJson(mediaType!) && !mediaType!.StartsWith("text/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether an answer of <paramref name="mediaType"/> is text other than an event stream.</summary>
    public static bool IsText(string? mediaType) =>
        mediaType != null && mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) && !mediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase);

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
}
