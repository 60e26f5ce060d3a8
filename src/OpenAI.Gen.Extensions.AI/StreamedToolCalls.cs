using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.Extensions.AI;

namespace OpenAI.Gen.Extensions.AI;

/// <summary>
/// Assembles the tool-call fragments of one streamed choice by their <c>index</c>: the first fragment of a call brings
/// its id and function name, the later ones pieces of the arguments to concatenate.
/// </summary>
internal sealed class StreamedToolCalls
{
    private readonly SortedDictionary<int, Call> _calls = new();

    /// <summary>Whether fragments arrived that <see cref="Complete"/> has not turned into calls yet.</summary>
    public bool HasPending => _calls.Count > 0;

    /// <summary>Adds a fragment read from chunk <paramref name="chunkNumber"/> (1-based).</summary>
    public void Append(ChatCompletionMessageToolCallChunk fragment, int chunkNumber)
    {
        if (!_calls.TryGetValue(fragment.Index, out var call))
        {
            _calls.Add(fragment.Index, call = new Call(chunkNumber));
        }

        if (string.IsNullOrEmpty(call.Id))
        {
            call.Id = fragment.Id;
        }

        if (fragment.Function is { } function)
        {
            if (string.IsNullOrEmpty(call.Name))
            {
                call.Name = function.Name;
            }

            call.Arguments.Append(function.Arguments);
        }
    }

    /// <summary>
    /// The calls assembled so far, in index order, and forgets them. A call whose fragments never brought an id or a
    /// function name cannot be answered: that throws <see cref="OpenAIStreamException"/> naming its index and first chunk.
    /// </summary>
    public IReadOnlyList<FunctionCallContent> Complete(int chunkNumber)
    {
        var calls = _calls.Select(pair =>
        {
            var (index, call) = (pair.Key, pair.Value);
            var missing = string.IsNullOrEmpty(call.Id) ? "an id" : string.IsNullOrEmpty(call.Name) ? "a function name" : null;
            if (missing != null)
            {
                throw new OpenAIStreamException(
                    $"The streamed tool call at index {index} (first seen in chunk {call.FirstChunk}) ended at chunk {chunkNumber} without {missing}.",
                    chunkNumber, 200, null, new Dictionary<string, IEnumerable<string>>(), null);
            }

            return ChatResponseReader.FunctionCall(new ChatCompletionMessageToolCall
            {
                Id = call.Id!,
                Function = new ChatCompletionMessageToolCallFunction { Name = call.Name!, Arguments = call.Arguments.ToString() },
            });
        }).ToList();
        _calls.Clear();
        return calls;
    }

    private sealed class Call
    {
        public Call(int firstChunk)
        {
            FirstChunk = firstChunk;
        }

        public int FirstChunk { get; }

        public string? Id { get; set; }

        public string? Name { get; set; }

        public StringBuilder Arguments { get; } = new();
    }
}
