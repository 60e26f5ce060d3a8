using System.Net;
using System.Net.Sockets;

namespace OpenAI.Gen.Tests.Conformance;

/// <summary>Loopback ports for servers the tests start themselves, or leave unstarted to stand for a server that is down.</summary>
public static class FreePort
{
    /// <summary>A port that was free a moment ago and has no listener now.</summary>
    public static int Find()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
