using System.Text;

namespace OpenAI.Gen.Benchmarks;

/// <summary>
/// Chat completion streams as the API sends them: a role chunk, content (or tool-call argument) chunks, a finish
/// chunk, then [DONE].
/// </summary>
public static class ChatStreamBody
{
    private const string Head = "{\"id\":\"chatcmpl-9xYzAbCdEfGhIjKlMnOpQrStUvWx\",\"object\":\"chat.completion.chunk\",\"created\":1727000000,\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_e2bde53e6e\",\"choices\":[{\"index\":0,\"delta\":";

    private static readonly string[] Words = { " The", " quick", " brown", " fox", " jumps", " over", " the", " lazy", " dog", ",", " and", " then", " it", " naps", " in", " the", " sun", "." };

    // Pieces of a get_weather call's arguments as the API splits them, JSON-escaped as they appear in the event.
    private static readonly string[] ArgumentPieces = { "{\\\"", "location", "\\\":\\\"", "Boston", ",", " MA", "\\\",\\\"", "unit", "\\\":\\\"", "celsius", "\\\"}" };

    /// <summary>The UTF-8 body of a plain text answer with <paramref name="chunks"/> chunks in all.</summary>
    public static byte[] Create(int chunks) => Build(chunks, StreamKind.Text);

    /// <summary>The UTF-8 body of <paramref name="kind"/> with <paramref name="chunks"/> chunks in all.</summary>
    public static byte[] Build(int chunks, StreamKind kind)
    {
        var body = new StringBuilder();
        if (kind == StreamKind.Text)
        {
            Append(body, "{\"role\":\"assistant\",\"content\":\"\"}", "null");
            for (var i = 0; i < chunks - 2; i++)
            {
                Append(body, "{\"content\":\"" + Words[i % Words.Length] + "\"}", "null");
            }

            Append(body, "{}", "\"stop\"");
        }
        else
        {
            Append(body, "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_Ab12Cd34Ef56Gh78\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}],\"refusal\":null}", "null");
            for (var i = 0; i < chunks - 2; i++)
            {
                Append(body, "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"" + ArgumentPieces[i % ArgumentPieces.Length] + "\"}}]}", "null");
            }

            Append(body, "{}", "\"tool_calls\"");
        }

        body.Append("data: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(body.ToString());
    }

    /// <summary>The characters the text (or argument) chunks carry, to check both clients read all of it.</summary>
    public static int TextLength(int chunks, StreamKind kind = StreamKind.Text)
    {
        var pieces = kind == StreamKind.Text ? Words : ArgumentPieces;
        var length = 0;
        for (var i = 0; i < chunks - 2; i++)
        {
            // The escaped quote \" is one character once read.
            length += pieces[i % pieces.Length].Replace("\\\"", "\"").Length;
        }

        return length;
    }

    private static void Append(StringBuilder body, string delta, string finishReason) =>
        body.Append("data: ").Append(Head).Append(delta).Append(",\"logprobs\":null,\"finish_reason\":").Append(finishReason).Append("}]}\n\n");
}
