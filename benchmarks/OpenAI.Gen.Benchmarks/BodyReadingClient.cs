using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen.Benchmarks;

/// <summary>The client's own answer-body reading (the reader every JSON operation uses), measured without the call around it.</summary>
public sealed class BodyReadingClient
{
    /// <summary>Reads <paramref name="body"/> as the client reads a 200 answer's body.</summary>
    public async Task<CreateChatCompletionResponse> ReadAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        return (await OpenAIJson.Default.Answers.ReadAsync<CreateChatCompletionResponse>(content, CancellationToken.None).ConfigureAwait(false))!;
    }
}
