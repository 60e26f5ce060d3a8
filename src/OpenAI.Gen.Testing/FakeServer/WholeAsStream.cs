using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>
/// Streams a whole (non-streamed) chat answer, for a streamed request no streaming example answers (tools): the envelope
/// of the operation's streaming example (its <c>object</c> is the chunk's), then one chunk per choice carrying its
/// <c>message</c> as the <c>delta</c> (each tool call with its <c>index</c>, as deltas number them), then one carrying
/// each choice's <c>finish_reason</c>.
/// </summary>
internal static class WholeAsStream
{
    public static IReadOnlyList<JToken>? Chunks(JToken whole, JToken streamedChunk)
    {
        if (whole["choices"] is not JArray choices || streamedChunk is not JObject envelope || choices.Any(c => c["message"] is not JObject))
        {
            return null;
        }

        JObject Chunk(IEnumerable<JObject> chunkChoices)
        {
            var chunk = (JObject)envelope.DeepClone();
            chunk["choices"] = new JArray(chunkChoices);
            return chunk;
        }

        var deltas = choices.Select(c =>
        {
            var delta = (JObject)c["message"]!.DeepClone();
            if (delta["tool_calls"] is JArray calls)
            {
                for (var i = 0; i < calls.Count; i++)
                {
                    calls[i]["index"] = i;
                }
            }

            return new JObject { ["index"] = c["index"], ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = null };
        });
        var ends = choices.Select(c => new JObject { ["index"] = c["index"], ["delta"] = new JObject(), ["logprobs"] = null, ["finish_reason"] = c["finish_reason"] });
        return new JToken[] { Chunk(deltas), Chunk(ends) };
    }
}
