using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen.Testing;

/// <summary>Answers every request with one captured answer, byte for byte, so the client reads what the server sent.</summary>
internal sealed class ReplayHandler : HttpMessageHandler
{
    private readonly CapturedAnswer _answer;

    public ReplayHandler(CapturedAnswer answer)
    {
        _answer = answer;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = new HttpResponseMessage((HttpStatusCode)(_answer.StatusCode ?? 0))
        {
            RequestMessage = request,
            Content = new ByteArrayContent(_answer.Body),
        };
        foreach (var header in _answer.Headers)
        {
            // The body is whole now: its length is the new content's own, and it is no longer chunked.
            if (header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!response.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return Task.FromResult(response);
    }
}
