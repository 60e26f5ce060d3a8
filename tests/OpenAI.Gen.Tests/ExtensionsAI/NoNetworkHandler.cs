using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace OpenAI.Gen.Tests.ExtensionsAI;

/// <summary>Fails the test if a request is sent at all.</summary>
internal sealed class NoNetworkHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Assert.Fail($"No request should have been sent, but {request.Method} {request.RequestUri} was.");
        throw new System.InvalidOperationException("unreachable");
    }
}
