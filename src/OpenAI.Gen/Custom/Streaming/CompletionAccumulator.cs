namespace OpenAI.Gen;

/// <summary>
/// Folds the chunks of a streamed legacy completion into one <see cref="CreateCompletionResponse"/>: per choice
/// index the concatenated text, the logprob lists appended and the last <c>finish_reason</c>; and
/// <c>system_fingerprint</c> and <c>usage</c> when a chunk carries them.
/// </summary>
/// <remarks>
/// <see cref="Snapshot"/> can be called at any point; later chunks do not change a snapshot already taken.
/// Not thread-safe: one accumulator per stream.
/// </remarks>
public sealed class CompletionAccumulator
{
    // "obfuscation" is the padding some servers add to every chunk.
    private readonly StreamResponseFold _fold = new("text", "obfuscation");

    /// <summary>Folds <paramref name="chunk"/> into the completion.</summary>
    /// <param name="chunk">The next chunk of the stream.</param>
    public void Append(CreateCompletionResponse chunk) => _fold.Append(chunk);

    /// <summary>
    /// The completion as folded so far. Until a choice's last chunk its <c>finish_reason</c> is null, and
    /// <c>usage</c> is unset until a chunk brought it.
    /// </summary>
    /// <returns>The accumulated response.</returns>
    public CreateCompletionResponse Snapshot() => _fold.Snapshot<CreateCompletionResponse>(null, choice => choice);
}
