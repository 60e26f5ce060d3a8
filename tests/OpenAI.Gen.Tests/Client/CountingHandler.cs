using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen.Tests.Client;

/// <summary>Counts the requests that pass through it.</summary>
public sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _count;

    /// <summary>Requests seen.</summary>
    public int Count => _count;

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return base.SendAsync(request, cancellationToken);
    }
}
