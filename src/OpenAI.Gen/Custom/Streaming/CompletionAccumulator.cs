using System;
using System.Collections.Generic;
using System.Linq;

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
    private readonly ChunkIdentity _identity = new();
    private readonly SortedDictionary<int, CompletionChoiceAccumulator> _choices = new();
    private CompletionUsage? _usage;

    /// <summary>Folds <paramref name="chunk"/> into the completion.</summary>
    /// <param name="chunk">The next chunk of the stream.</param>
    public void Append(CreateCompletionResponse chunk)
    {
        if (chunk == null)
        {
            throw new ArgumentNullException(nameof(chunk));
        }

        _identity.Append(chunk.Id, chunk.Created, chunk.Model, chunk.ShouldSerializeSystemFingerprint(), chunk.SystemFingerprint);
        _usage = chunk.Usage ?? _usage;
        foreach (var choice in chunk.Choices ?? Enumerable.Empty<CreateCompletionResponseChoice>())
        {
            if (!_choices.TryGetValue(choice.Index, out var accumulator))
            {
                _choices.Add(choice.Index, accumulator = new CompletionChoiceAccumulator(choice.Index));
            }

            accumulator.Append(choice);
        }
    }

    /// <summary>
    /// The completion as folded so far. Until a choice's last chunk its <c>finish_reason</c> is null, and
    /// <c>usage</c> is unset until a chunk brought it.
    /// </summary>
    /// <returns>The accumulated response.</returns>
    public CreateCompletionResponse Snapshot()
    {
        var response = new CreateCompletionResponse
        {
            Id = _identity.Id!,
            Object = CreateCompletionResponseObject.TextCompletion,
            Created = _identity.Created,
            Model = _identity.Model!,
            Choices = _choices.Values.Select(choice => choice.Snapshot()).ToList(),
        };

        if (_identity.HasSystemFingerprint)
        {
            response.SystemFingerprint = _identity.SystemFingerprint;
        }

        if (_usage != null)
        {
            response.Usage = _usage;
        }

        return response;
    }
}
