using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen.Benchmarks;

/// <summary>
/// A minimal HTTP/1.1 event-stream server on 127.0.0.1 (raw sockets, so the benchmark controls exactly when each
/// byte is written). The request path's first segment says what to send: <c>/latency/…</c> sends one event, waits
/// for <see cref="FirstChunkSeen"/>, then the rest; <c>/c{N}/…</c> sends an N-chunk text stream in 16 KB writes.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private static readonly byte[] Headers = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<int, byte[]> _bodies = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly byte[] _latencyBody = ChatStreamBody.Build(20, StreamKind.Text);

    /// <summary>Starts listening on a free loopback port.</summary>
    public LoopbackServer()
    {
        _listener.Start(4096);
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The port it listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Stopwatch timestamp taken just before the latest first event was written to the socket.</summary>
    public long FirstEventWrittenAt { get; private set; }

    /// <summary>Set by the client once it holds the first chunk; releases the rest of a latency stream.</summary>
    public SemaphoreSlim FirstChunkSeen { get; } = new(0);

    /// <summary>Stops accepting and waits for the accept loop.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException or OperationCanceledException)
        {
            // The listener was stopped under the pending accept: that is how the loop ends.
        }

        _stop.Dispose();
        FirstChunkSeen.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            socket.NoDelay = true;
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                var path = await ReadRequestAsync(socket).ConfigureAwait(false);
                await socket.SendAsync(Headers, SocketFlags.None).ConfigureAwait(false);
                if (path.StartsWith("/latency/", StringComparison.Ordinal))
                {
                    await ServeLatencyAsync(socket).ConfigureAwait(false);
                }
                else
                {
                    var chunks = int.Parse(path.Substring(2, path.IndexOf('/', 1) - 2), CultureInfo.InvariantCulture);
                    var body = _bodies.GetOrAdd(chunks, n => ChatStreamBody.Build(n, StreamKind.Text));
                    for (var offset = 0; offset < body.Length; offset += 16 * 1024)
                    {
                        await socket.SendAsync(body.AsMemory(offset, Math.Min(16 * 1024, body.Length - offset)), SocketFlags.None).ConfigureAwait(false);
                    }
                }

                socket.Shutdown(SocketShutdown.Send);
            }
            catch (SocketException)
            {
                // The client went away; nothing to answer.
            }
        }
    }

    private async Task ServeLatencyAsync(Socket socket)
    {
        var firstEnd = IndexOfEventEnd(_latencyBody);

        // Let the client take the headers and sit in its read of the body before the event is written.
        await Task.Delay(5).ConfigureAwait(false);
        FirstEventWrittenAt = Stopwatch.GetTimestamp();
        await socket.SendAsync(_latencyBody.AsMemory(0, firstEnd), SocketFlags.None).ConfigureAwait(false);
        await FirstChunkSeen.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        await socket.SendAsync(_latencyBody.AsMemory(firstEnd), SocketFlags.None).ConfigureAwait(false);
    }

    private static int IndexOfEventEnd(byte[] body)
    {
        for (var i = 0; i + 1 < body.Length; i++)
        {
            if (body[i] == '\n' && body[i + 1] == '\n')
            {
                return i + 2;
            }
        }

        throw new InvalidOperationException("The body has no complete event.");
    }

    // Reads the request line, the headers and a Content-Length body; returns the path.
    private static async Task<string> ReadRequestAsync(Socket socket)
    {
        var buffer = new byte[16 * 1024];
        var length = 0;
        int headerEnd;
        while ((headerEnd = Encoding.ASCII.GetString(buffer, 0, length).IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None).ConfigureAwait(false);
            if (read == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }

            length += read;
        }

        var head = Encoding.ASCII.GetString(buffer, 0, headerEnd);
        var contentLength = 0;
        var chunked = false;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = int.Parse(line.Substring(15).Trim(), CultureInfo.InvariantCulture);
            }

            chunked |= line.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && line.Contains("chunked", StringComparison.OrdinalIgnoreCase);
        }

        // Unread request bytes would make closing the socket reset the connection under the client's read.
        if (chunked)
        {
            while (!Encoding.ASCII.GetString(buffer, 0, length).EndsWith("0\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return head.Split(' ')[1];
        }

        var remaining = headerEnd + 4 + contentLength - length;
        while (remaining > 0)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            remaining -= read;
        }

        return head.Split(' ')[1];
    }
}
