using System;

namespace OpenAI.Gen;

/// <summary>One answer an <see cref="OpenAIOperation"/> may give: a status (or the spec's <c>default</c>) and a media type.</summary>
internal sealed class OperationAnswer
{
    /// <param name="status">The status code as the spec writes it: <c>200</c>, <c>2XX</c> or <c>default</c>.</param>
    /// <param name="mediaType">The media type, empty for an answer without a body.</param>
    internal OperationAnswer(string status, string mediaType)
    {
        Status = status;
        MediaType = mediaType;
        IsSuccess = status.StartsWith("2", StringComparison.Ordinal);
        Kind = KindOf(mediaType);
    }

    internal string Status { get; }

    internal string MediaType { get; }

    internal bool IsSuccess { get; }

    internal AnswerKind Kind { get; }

    /// <summary>How a body of <paramref name="mediaType"/> is handed to the caller.</summary>
    internal static AnswerKind KindOf(string? mediaType)
    {
        if (string.IsNullOrEmpty(mediaType))
        {
            return AnswerKind.Empty;
        }

        var type = mediaType!;
        if (type.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            return AnswerKind.EventStream;
        }

        if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        {
            return AnswerKind.Json;
        }

        return type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) ? AnswerKind.Text : AnswerKind.Binary;
    }
}
