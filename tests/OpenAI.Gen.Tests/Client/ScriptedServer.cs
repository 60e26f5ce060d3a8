using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Client;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port chosen by the OS) that answers each request with the next scripted
/// answer and records what it received. An unscripted request gets 418, which the client does not retry.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private LoopbackKestrel? _kestrel;

    private ScriptedServer()
    {
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Root => _kestrel!.Root;

    /// <summary>The base URL a client should use: <see cref="Root"/> + <c>v1/</c>.</summary>
    public Uri BaseUrl => _kestrel!.BaseUrl;

    /// <summary>Requests received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Starts a server.</summary>
    public static async Task<ScriptedServer> StartAsync()
    {
        var server = new ScriptedServer();
        // A test that leaves a stalled answer behind must not hold the teardown for the default 30 s.
        server._kestrel = await LoopbackKestrel.StartAsync(server.HandleAsync, TimeSpan.FromSeconds(1));
        return server;
    }

    /// <summary>Forgets the script and the recorded requests.</summary>
    public void Reset()
    {
        _script.Clear();
        _requests.Clear();
    }

    /// <summary>Adds answers, used one per request in order.</summary>
    public void Script(params Func<HttpContext, Task>[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    /// <summary>Answers <paramref name="status"/> with a JSON body and extra headers.</summary>
    public static Func<HttpContext, Task> Json(int status, string body, params (string Name, string Value)[] headers) =>
        Text(status, "application/json", body, headers);

    /// <summary>Answers <paramref name="status"/> with a body of <paramref name="contentType"/> and extra headers.</summary>
    public static Func<HttpContext, Task> Text(int status, string contentType, string body, params (string Name, string Value)[] headers) => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(body);
    };

    /// <summary>Announces a 200 JSON body of 1000 bytes, sends a few, then drops the connection.</summary>
    public static Func<HttpContext, Task> DropMidBody() => async context =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = 1000;
        await context.Response.WriteAsync("{\"id\":\"chatcmpl-");
        await context.Response.Body.FlushAsync();

        // Let the headers and the first bytes reach the client, so the break is mid-body rather than before the headers.
        await Task.Delay(50);
        context.Abort();
    };

    /// <summary>Sends nothing for <paramref name="duration"/> (or until the client goes away), then answers 200 JSON.</summary>
    public static Func<HttpContext, Task> Stall(TimeSpan duration, string body = "{}") => async context =>
    {
        try
        {
            await Task.Delay(duration, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await Json(200, body)(context);
    };

    /// <summary>
    /// Answers 200 <c>text/event-stream</c>: writes <paramref name="first"/>, flushes, waits for <paramref name="release"/>
    /// (or the client leaving), then writes <paramref name="rest"/> — or, with a null <paramref name="rest"/>, drops the connection.
    /// <paramref name="contentType"/> can label the stream otherwise.
    /// </summary>
    public static Func<HttpContext, Task> EventStream(string first, Task release, string? rest, string contentType = "text/event-stream") => async context =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(first);
        await context.Response.Body.FlushAsync();
        await Task.WhenAny(release, Task.Delay(Timeout.Infinite, context.RequestAborted));
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        if (rest == null)
        {
            context.Abort();
            return;
        }

        await context.Response.WriteAsync(rest);
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_kestrel != null)
        {
            await _kestrel.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, headers, body, Stopwatch.GetTimestamp(), context.Request.QueryString.Value?.TrimStart('?') ?? string.Empty));
        if (_script.TryDequeue(out var answer))
        {
            await answer(context);
        }
        else
        {
            await Text(418, "text/plain", "no scripted answer left")(context);
        }
    }
}
