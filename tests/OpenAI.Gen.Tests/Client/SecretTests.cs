using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace OpenAI.Gen.Tests.Client;

/// <summary>The API key and the Authorization header never show in a message, ToString, log line or exception data.</summary>
public class SecretTests : LoopbackTest
{
    private static readonly string Secret = "sk-proj-SECRET" + Guid.NewGuid().ToString("N");

    [Test]
    public async Task The_key_never_shows_in_exceptions_responses_options_or_logs()
    {
        var shown = new List<object?>();

        // Error answers: JSON, HTML, retried then exhausted.
        Server.Script(ScriptedServer.Json(401, Error("Incorrect API key provided", "invalid_request_error", "invalid_api_key"), ("x-request-id", "req_1")));
        shown.Add(await FailureOf(Client(Secretly)));
        Server.Script(ScriptedServer.Text(502, "text/html", "<html><body>Bad Gateway</body></html>"));
        shown.Add(await FailureOf(Client(o => Secretly(o, retries: 0))));
        Server.Script(ScriptedServer.Json(503, Error("busy", "server_error")), ScriptedServer.Json(503, Error("busy", "server_error")));
        shown.Add(await FailureOf(Client(o => Secretly(o, retries: 1))));

        // No complete answer: dropped, timed out, unreachable.
        Server.Script(ScriptedServer.DropMidBody());
        shown.Add(await FailureOf(Client(o => Secretly(o, retries: 0))));
        Server.Script(ScriptedServer.Stall(TimeSpan.FromSeconds(30)));
        shown.Add(await FailureOf(Client(o =>
        {
            Secretly(o, retries: 0);
            o.Timeout = TimeSpan.FromMilliseconds(150);
        })));
        shown.Add(await FailureOf(Client(o =>
        {
            Secretly(o, retries: 0);
            o.BaseUrl = new Uri($"http://127.0.0.1:{ClosedPort()}/v1");
        })));

        // Success, with the response details.
        Server.Script(ScriptedServer.Json(200, ChatAnswer, ("x-request-id", "req_ok")));
        var client = Client(Secretly);
        shown.Add(await client.CreateChatCompletionWithResponseAsync(ChatRequest));
        shown.Add(client);
        var options = Options(Secretly);
        shown.Add(options);

        // Through the container too, with IHttpClientFactory's own logging at Trace.
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddOpenAIGen(o =>
        {
            o.BaseUrl = Server.BaseUrl;
            Secretly(o, retries: 0);
        });
        using (var provider = services.BuildServiceProvider())
        {
            Server.Script(ScriptedServer.Json(400, Error("bad", "invalid_request_error")));
            shown.Add(await FailureOf(provider.GetRequiredService<IOpenAIClient>()));
        }

        var texts = shown.SelectMany(SecretScanner.Texts)
            .Concat(Logs.Entries.SelectMany(e => new[] { e.Message }.Concat(e.State.Select(p => p.Key + "=" + p.Value)).Concat(SecretScanner.Texts(e.Exception))))
            .ToList();
        var leaks = texts.Where(t => t.Contains(Secret, StringComparison.Ordinal) || t.Contains("Bearer", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(Server.Requests.Count(r => r.Header("Authorization") == "Bearer " + Secret), Is.GreaterThanOrEqualTo(8), "the key was really sent");
            Assert.That(shown.OfType<OpenAIException>().Count(), Is.EqualTo(7));
            Assert.That(Logs.Entries.Count(e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal)), Is.GreaterThan(0), "the factory's logs were captured");
            Assert.That(texts, Has.Count.GreaterThan(100), "the scan saw the texts");
            Assert.That(leaks, Is.Empty);
        });
    }

    private static void Secretly(OpenAIClientOptions options) => Secretly(options, retries: 2);

    private static void Secretly(OpenAIClientOptions options, int retries)
    {
        options.ApiKey = Secret;
        options.MaxRetries = retries;
    }

    private static async Task<OpenAIException?> FailureOf(IOpenAIClient client)
    {
        try
        {
            await client.CreateChatCompletionAsync(ChatRequest, default);
            return null;
        }
        catch (OpenAIException e)
        {
            return e;
        }
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
