using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen.Tests.Servers;

/// <summary>
/// A bare HTTP/1.1 server on 127.0.0.1 that answers every connection with a status line, headers, a head of body and
/// then one byte repeated up to 1 GiB, made on the fly from one 64 KiB block, until the client hangs up. No Kestrel: its
/// buffers would show in the client's memory figures (same process).
/// </summary>
public sealed class EndlessServer : IDisposable
{
    private const long OneGiB = 1L << 30;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _head;
    private readonly byte[] _block;

    /// <summary>Starts answering with <paramref name="contentType"/>, no length (the end of the connection ends the body).</summary>
    public EndlessServer(string contentType, string head, byte fill)
    {
        _head = Encoding.UTF8.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nConnection: close\r\n\r\n{head}");
        _block = new byte[64 * 1024];
        Array.Fill(_block, fill);
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The base URL, e.g. http://127.0.0.1:40123/v1/.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/v1/");

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = AnswerAsync(socket);
        }
    }

    private async Task AnswerAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                // The request is not read: its headers and body sit in the socket's buffer, which is enough for the client.
                await socket.SendAsync(_head, SocketFlags.None, _stop.Token);
                for (long sent = 0; sent < OneGiB; sent += _block.Length)
                {
                    await socket.SendAsync(_block, SocketFlags.None, _stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client hung up: what the tests expect.
            }
        }
    }
}
