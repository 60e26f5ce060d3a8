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
/// The fold works on the chunks' JSON, so members this client does not know (or that a client generated from a
/// newer spec types, such as <c>refusal</c> or <c>usage</c>) are folded too: text fragments are concatenated,
/// other values replace. <see cref="Snapshot"/> can be called at any point, e.g. after each chunk to show
/// progress; later chunks do not change a snapshot already taken. Not thread-safe: one accumulator per stream.
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
    // "object" is the chunk's own type name, "obfuscation" the padding some servers add to every chunk.
    private readonly StreamResponseFold _fold = new("delta", "object", "obfuscation");

    /// <summary>Folds <paramref name="chunk"/> into the completion.</summary>
    /// <param name="chunk">The next chunk of the stream.</param>
    public void Append(CreateChatCompletionStreamResponse chunk) => _fold.Append(chunk);

    /// <summary>
    /// The completion as folded so far. Until a choice's last chunk its <c>finish_reason</c> is null, and
    /// <c>usage</c> is unset until the usage chunk arrived.
    /// </summary>
    /// <returns>The accumulated response.</returns>
    public CreateChatCompletionResponse Snapshot() =>
        _fold.Snapshot<CreateChatCompletionResponse>("chat.completion", ToResponseChoice);

    // A streamed choice has a delta; a response choice has a message, whose tool calls carry no index.
    private static JObject ToResponseChoice(JObject choice)
    {
        var message = choice["delta"] as JObject ?? new JObject();
        choice.Remove("delta");
        if (message["role"] is not JValue { Type: JTokenType.String })
        {
            // Chat completions answer as the assistant; the first delta says so, a stream that never did still is one.
            message["role"] = "assistant";
        }

        if (message["content"] == null)
        {
            message["content"] = JValue.CreateNull();
        }

        foreach (var call in (message["tool_calls"] as JArray ?? new JArray()).OfType<JObject>())
        {
            call.Remove("index");
            if (call["type"] == null)
            {
                call["type"] = "function";
            }

            if (call["function"] is JObject function && function["arguments"] == null)
            {
                function["arguments"] = string.Empty;
            }
        }

        choice["message"] = message;
        return choice;
    }
}
