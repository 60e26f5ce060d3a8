using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

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
    // Snapshots are read while required members may still be missing (finish_reason before the last chunk).
    private static readonly JsonSerializer Json = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = StreamChunkContractResolver.Snapshots,
        DateParseHandling = DateParseHandling.None,
    });

    private readonly MemberFold _response = new();
    private readonly SortedDictionary<int, ChoiceFold> _choices = new();

    /// <summary>Folds <paramref name="chunk"/> into the completion.</summary>
    /// <param name="chunk">The next chunk of the stream.</param>
    public void Append(CreateCompletionResponse chunk)
    {
        if (chunk == null)
        {
            throw new ArgumentNullException(nameof(chunk));
        }

        foreach (var member in JObject.FromObject(chunk, Json).Properties())
        {
            switch (member.Name)
            {
                case "choices":
                    foreach (var choice in member.Value.OfType<JObject>())
                    {
                        var index = (int?)choice["index"] ?? 0;
                        if (!_choices.TryGetValue(index, out var fold))
                        {
                            _choices.Add(index, fold = new ChoiceFold("text", "logprobs"));
                        }

                        fold.Fold(choice);
                    }

                    break;

                // Chunk-only: the padding some servers add to every chunk.
                case "obfuscation":
                    break;
                default:
                    _response.Fold(member.Name, member.Value);
                    break;
            }
        }
    }

    /// <summary>
    /// The completion as folded so far. Until a choice's last chunk its <c>finish_reason</c> is null, and
    /// <c>usage</c> is unset until a chunk brought it.
    /// </summary>
    /// <returns>The accumulated response.</returns>
    public CreateCompletionResponse Snapshot()
    {
        var response = new JObject();
        _response.CopyTo(response);
        response["choices"] = new JArray(_choices.Values.Select(fold => fold.ToJson()));
        return response.ToObject<CreateCompletionResponse>(Json)!;
    }
}
