using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.ExtensionsAI;

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, port chosen by the OS) that plays a scripted model: each request gets the
/// next answer in order, and its path and JSON body are recorded. A request beyond the script gets a 418 that says so.
/// </summary>
public sealed class ScriptedChatServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _answers = new();
    private readonly ConcurrentQueue<(string Path, string? Authorization, JObject Body)> _requests = new();
    private LoopbackKestrel _kestrel = null!;

    private ScriptedChatServer()
    {
    }

    /// <summary>The base URL a client uses, e.g. <c>http://127.0.0.1:40123/v1/</c>.</summary>
    public Uri BaseUrl => _kestrel.BaseUrl;

    /// <summary>Bodies of the requests received, in order.</summary>
    public IReadOnlyList<JObject> Bodies => _requests.Select(r => r.Body).ToList();

    /// <summary>Paths of the requests received, in order.</summary>
    public IReadOnlyList<string> Paths => _requests.Select(r => r.Path).ToList();

    /// <summary>Authorization headers of the requests received, in order.</summary>
    public IReadOnlyList<string?> Authorizations => _requests.Select(r => r.Authorization).ToList();

    /// <summary>Starts a server that answers with <paramref name="answers"/>, one per request.</summary>
    public static async Task<ScriptedChatServer> StartAsync(params Func<HttpContext, Task>[] answers)
    {
        var server = new ScriptedChatServer();
        foreach (var answer in answers)
        {
            server._answers.Enqueue(answer);
        }

        server._kestrel = await LoopbackKestrel.StartAsync(server.HandleAsync, TimeSpan.FromSeconds(1));
        return server;
    }

    /// <summary>A client of this server (a fresh <see cref="HttpClient"/>, disposed with the test's scope by the caller).</summary>
    public OpenAIClient CreateClient(HttpClient http) => new(http, "sk-loopback", BaseUrl);

    /// <summary>Answers 200 with a JSON body and an <c>x-request-id</c>.</summary>
    public static Func<HttpContext, Task> Json(string body, int status = 200) => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-request-id"] = "req_scripted";
        await context.Response.WriteAsync(body);
    };

    /// <summary>Answers 200 <c>text/event-stream</c>: one <c>data:</c> event per chunk, flushed one by one, then <c>data: [DONE]</c>.</summary>
    public static Func<HttpContext, Task> Events(params string[] chunks) => async context =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream";
        foreach (var chunk in chunks)
        {
            await context.Response.WriteAsync("data: " + chunk + "\n\n");
            await context.Response.Body.FlushAsync();
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    };

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _kestrel.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        _requests.Enqueue((context.Request.Path.Value ?? string.Empty, context.Request.Headers.Authorization.FirstOrDefault(), ChatHarness.ParseBody(text)));
        if (_answers.TryDequeue(out var answer))
        {
            await answer(context);
            return;
        }

        // 418: a status the client does not retry.
        await Json("{\"error\": {\"message\": \"the script has no answer for request " + _requests.Count + "\", \"type\": \"test_script\"}}", 418)(context);
    }
}
