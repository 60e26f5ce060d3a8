using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Streaming;

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1, port chosen by the OS, that answers every request with
/// <see cref="Handler"/>. It records request bodies and counts TCP connections opened and closed, so tests can
/// see what the client sent and whether it let go of every connection.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    /// <summary>The bound on every wait in the streaming tests: a test fails after it rather than hangs.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private LoopbackKestrel _kestrel = null!;
    private int _opened;
    private int _closed;

    private LoopbackServer(Func<HttpContext, Task> handler)
    {
        Handler = handler;
    }

    /// <summary>What the server does with each request (after recording its body).</summary>
    public Func<HttpContext, Task> Handler { get; set; }

    /// <summary>The server's base URL, e.g. http://127.0.0.1:40123/v1/.</summary>
    public Uri BaseUrl => _kestrel.BaseUrl;

    /// <summary>Bodies of the requests received, in order.</summary>
    public ConcurrentQueue<string> RequestBodies { get; } = new();

    /// <summary>TCP connections accepted so far.</summary>
    public int ConnectionsOpened => Volatile.Read(ref _opened);

    /// <summary>TCP connections that have ended so far.</summary>
    public int ConnectionsClosed => Volatile.Read(ref _closed);

    /// <summary>Starts a server that answers with <paramref name="handler"/>.</summary>
    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, Task> handler)
    {
        var server = new LoopbackServer(handler);
        // Disposing waits at most Patience for answers still running.
        server._kestrel = await LoopbackKestrel.StartAsync(server.HandleAsync, Patience, listen => listen.Use(server.CountConnection));
        return server;
    }

    /// <summary>A client of this server over a fresh <see cref="HttpClient"/> (or <paramref name="handler"/>).</summary>
    public OpenAIClient CreateClient(HttpMessageHandler? handler = null) =>
        new(new HttpClient(handler ?? new SocketsHttpHandler()) { Timeout = Patience }, "sk-test-key", BaseUrl);

    /// <summary>Starts an event-stream answer (status 200, text/event-stream, headers flushed).</summary>
    public static async Task BeginEventStreamAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers["x-request-id"] = "req_stream_1";
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, as is) and flushes it onto the wire.</summary>
    public static Task WriteAsync(HttpContext context, string text) => WriteAsync(context, Encoding.UTF8.GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/> as is and flushes them onto the wire.</summary>
    public static async Task WriteAsync(HttpContext context, byte[] bytes)
    {
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    /// <summary>Waits, at most <see cref="Patience"/>, until <paramref name="condition"/> holds.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _kestrel.DisposeAsync();

    private ConnectionDelegate CountConnection(ConnectionDelegate next) => async connection =>
    {
        Interlocked.Increment(ref _opened);
        try
        {
            await next(connection);
        }
        finally
        {
            Interlocked.Increment(ref _closed);
        }
    };

    private async Task HandleAsync(HttpContext context)
    {
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            RequestBodies.Enqueue(await reader.ReadToEndAsync(context.RequestAborted));
        }

        await Handler(context);
    }
}
