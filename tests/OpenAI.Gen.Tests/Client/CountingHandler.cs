using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen.Tests.Client;

/// <summary>Counts the requests that pass through it.</summary>
public sealed class CountingHandler : DelegatingHandler
{
    private int _count;

    /// <summary>For a handler chain that sets the inner handler (IHttpClientFactory).</summary>
    public CountingHandler()
    {
    }

    /// <summary>In front of <paramref name="inner"/>.</summary>
    public CountingHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    /// <summary>Requests seen.</summary>
    public int Count => _count;

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return base.SendAsync(request, cancellationToken);
    }
}
