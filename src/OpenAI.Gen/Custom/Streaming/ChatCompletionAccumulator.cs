using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen;

/// <summary>
/// Folds the chunks of a streamed chat completion into the <see cref="CreateChatCompletionResponse"/> the same
/// request would have returned without streaming: per choice index the role, the concatenated content,
/// <c>tool_calls</c> merged by their index (id, type and name from the first fragment, <c>arguments</c>
/// concatenated), the legacy <c>function_call</c>, logprobs appended, the last <c>finish_reason</c>; and
/// <c>system_fingerprint</c> and the final <c>usage</c> chunk (sent with <c>stream_options.include_usage</c>).
/// </summary>
/// <remarks>
/// <see cref="Snapshot"/> can be called at any point, e.g. after each chunk to show progress; later chunks do not
/// change a snapshot already taken. Delta members this client does not know (e.g. <c>refusal</c>) are folded too: strings are
/// concatenated, other values replace. Not thread-safe: one accumulator per stream.
/// </remarks>
/// <example>
/// <code>
/// var accumulator = new ChatCompletionAccumulator();
/// await foreach (var chunk in client.CreateChatCompletionStreamAsync(request))
/// {
///     accumulator.Append(chunk);
/// }
/// var response = accumulator.Snapshot();
/// </code>
/// </example>
public sealed class ChatCompletionAccumulator
{
    private readonly ChunkIdentity _identity = new();
    private readonly SortedDictionary<int, ChatChoiceAccumulator> _choices = new();
    private CompletionUsage? _usage;

    /// <summary>Folds <paramref name="chunk"/> into the completion.</summary>
    /// <param name="chunk">The next chunk of the stream.</param>
    public void Append(CreateChatCompletionStreamResponse chunk)
    {
        if (chunk == null)
        {
            throw new ArgumentNullException(nameof(chunk));
        }

        _identity.Append(chunk.Id, chunk.Created, chunk.Model, chunk.ShouldSerializeSystemFingerprint(), chunk.SystemFingerprint);

        // The spec this client was generated from has no chunk usage yet, so the member arrives as an unknown one.
        if (chunk.AdditionalProperties.TryGetValue("usage", out var usage) && usage is JObject usageObject)
        {
            _usage = usageObject.ToObject<CompletionUsage>();
        }

        foreach (var choice in chunk.Choices ?? Enumerable.Empty<CreateChatCompletionStreamResponseChoice>())
        {
            if (!_choices.TryGetValue(choice.Index, out var accumulator))
            {
                _choices.Add(choice.Index, accumulator = new ChatChoiceAccumulator(choice.Index));
            }

            accumulator.Append(choice);
        }
    }

    /// <summary>
    /// The completion as folded so far. Until a choice's last chunk its <c>finish_reason</c> is
    /// null, and <c>usage</c> is unset until the usage chunk arrived.
    /// </summary>
    /// <returns>The accumulated response.</returns>
    public CreateChatCompletionResponse Snapshot()
    {
        var response = new CreateChatCompletionResponse
        {
            Id = _identity.Id!,
            Object = CreateChatCompletionResponseObject.ChatCompletion,
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
