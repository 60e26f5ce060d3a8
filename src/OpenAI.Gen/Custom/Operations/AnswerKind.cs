namespace OpenAI.Gen;

/// <summary>How an answer's body reaches the caller.</summary>
internal enum AnswerKind
{
    /// <summary>No body (e.g. <c>204</c>).</summary>
    Empty,

    /// <summary>JSON, read whole into a DTO.</summary>
    Json,

    /// <summary>Text (<c>text/plain</c>, subtitles), read whole into a string.</summary>
    Text,

    /// <summary>Anything else (audio, images, files): a stream the caller reads and disposes, never buffered whole.</summary>
    Binary,

    /// <summary>Server-sent events, read one event at a time.</summary>
    EventStream,
}
