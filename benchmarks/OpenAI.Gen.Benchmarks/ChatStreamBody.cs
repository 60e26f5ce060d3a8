using System.Text;

namespace OpenAI.Gen.Benchmarks;

/// <summary>A chat completion stream as the API sends it: a role chunk, content chunks, a finish chunk, then [DONE].</summary>
public static class ChatStreamBody
{
    private const string Head = "{\"id\":\"chatcmpl-9xYzAbCdEfGhIjKlMnOpQrStUvWx\",\"object\":\"chat.completion.chunk\",\"created\":1727000000,\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_e2bde53e6e\",\"choices\":[{\"index\":0,\"delta\":";

    private static readonly string[] Words = { " The", " quick", " brown", " fox", " jumps", " over", " the", " lazy", " dog", ",", " and", " then", " it", " naps", " in", " the", " sun", "." };

    /// <summary>The UTF-8 body with <paramref name="chunks"/> chunks in all.</summary>
    public static byte[] Create(int chunks)
    {
        var body = new StringBuilder();
        Append(body, "{\"role\":\"assistant\",\"content\":\"\"}", "null");
        for (var i = 0; i < chunks - 2; i++)
        {
            Append(body, "{\"content\":\"" + Words[i % Words.Length] + "\"}", "null");
        }

        Append(body, "{}", "\"stop\"");
        body.Append("data: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(body.ToString());
    }

    /// <summary>The text the content chunks carry, to check both clients read all of it.</summary>
    public static int TextLength(int chunks)
    {
        var length = 0;
        for (var i = 0; i < chunks - 2; i++)
        {
            length += Words[i % Words.Length].Length;
        }

        return length;
    }

    private static void Append(StringBuilder body, string delta, string finishReason) =>
        body.Append("data: ").Append(Head).Append(delta).Append(",\"logprobs\":null,\"finish_reason\":").Append(finishReason).Append("}]}\n\n");
}
