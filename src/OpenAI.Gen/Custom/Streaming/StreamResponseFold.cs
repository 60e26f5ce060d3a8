using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen;

/// <summary>
/// The fold both accumulators share: each chunk's JSON goes member by member into a <see cref="MemberFold"/>, its
/// choices by index into <see cref="ChoiceFold"/>s, and a snapshot reads the folded JSON back as the response type.
/// </summary>
internal sealed class StreamResponseFold
{
    private readonly string _textMember;
    private readonly HashSet<string> _chunkOnly;
    private readonly MemberFold _response = new();
    private readonly SortedDictionary<int, ChoiceFold> _choices = new();

    /// <param name="textMember">The choice member whose fragments carry the text: <c>delta</c> of chat, <c>text</c> of completions.</param>
    /// <param name="chunkOnly">Members a chunk has but the response does not; they are dropped.</param>
    public StreamResponseFold(string textMember, params string[] chunkOnly)
    {
        _textMember = textMember;
        _chunkOnly = new HashSet<string>(chunkOnly);
    }

    public void Append(object chunk)
    {
        if (chunk == null)
        {
            throw new ArgumentNullException(nameof(chunk));
        }

        foreach (var member in JObject.FromObject(chunk, OpenAIJson.Default.Snapshots).Properties())
        {
            if (member.Name == "choices")
            {
                foreach (var choice in member.Value.OfType<JObject>())
                {
                    var index = (int?)choice["index"] ?? 0;
                    if (!_choices.TryGetValue(index, out var fold))
                    {
                        _choices.Add(index, fold = new ChoiceFold(_textMember, "logprobs"));
                    }

                    fold.Fold(choice);
                }
            }
            else if (!_chunkOnly.Contains(member.Name))
            {
                _response.Fold(member.Name, member.Value);
            }
        }
    }

    /// <param name="objectType">The response's <c>object</c> value when it differs from the chunks', else null.</param>
    /// <param name="toResponseChoice">Turns a folded choice into the response's shape.</param>
    public TResponse Snapshot<TResponse>(string? objectType, Func<JObject, JObject> toResponseChoice)
    {
        var response = new JObject();
        _response.CopyTo(response);
        if (objectType != null)
        {
            response["object"] = objectType;
        }

        response["choices"] = new JArray(_choices.Values.Select(fold => toResponseChoice(fold.ToJson())));
        return response.ToObject<TResponse>(OpenAIJson.Default.Snapshots)!;
    }
}
