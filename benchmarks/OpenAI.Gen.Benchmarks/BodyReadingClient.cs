using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen.Benchmarks;

/// <summary>Exposes the client's own answer-body reading (<c>ReadObjectResponseAsync</c>), so it can be measured without the call around it.</summary>
public sealed class BodyReadingClient : OpenAIClient
{
    /// <summary>Creates the client; it never sends.</summary>
    public BodyReadingClient()
        : base(new HttpClient(), "sk-bench")
    {
    }

    /// <summary>Reads <paramref name="body"/> as the client reads a 200 answer's body.</summary>
    public async Task<CreateChatCompletionResponse> ReadAsync(byte[] body)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
        return (await ReadObjectResponseAsync<CreateChatCompletionResponse>(response, CancellationToken.None).ConfigureAwait(false)).Object;
    }
}
