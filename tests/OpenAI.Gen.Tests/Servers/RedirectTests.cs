using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;
using OpenAI.Gen.Tests.Client;

namespace OpenAI.Gen.Tests.Servers;

/// <summary>Redirects never carry credentials or the prompt to another origin, and never turn a POST into a GET.</summary>
public class RedirectTests : LoopbackTest
{
    private ScriptedServer _other = null!;

    [OneTimeSetUp]
    public async Task StartOtherOrigin() => _other = await ScriptedServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopOtherOrigin() => await _other.DisposeAsync();

    [SetUp]
    public void ResetOther() => _other.Reset();

    private static Func<HttpContext, Task> RedirectTo(int status, string location) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    };

    private OpenAIClient Credentialed(HttpClient? transport = null)
    {
        var options = Options(o =>
        {
            o.Organization = "org-secret";
            o.Project = "proj-secret";
            o.DefaultHeaders["X-Gateway-Key"] = "gw-secret";
            o.MaxRetries = 0;
        });
        return transport == null ? new OpenAIClient(options) : new OpenAIClient(transport, options);
    }

    [TestCase(307)]
    [TestCase(308)]
    [TestCase(302)]
    public void A_redirect_to_another_origin_is_refused_before_anything_is_sent_there(int status)
    {
        Server.Script(RedirectTo(status, new Uri(_other.BaseUrl, "chat/completions").ToString()));

        var e = Assert.ThrowsAsync<OpenAIException>(() => Credentialed().CreateChatCompletionAsync(ChatRequest));

        Assert.Multiple(() =>
        {
            Assert.That(e!.StatusCode, Is.EqualTo(status));
            Assert.That(e.Message, Does.Contain("to another origin").And.Contain("OpenAIClientOptions.BaseUrl"));
            Assert.That(_other.Requests, Is.Empty, "nothing reached the other origin");
            Assert.That(Server.Requests, Has.Count.EqualTo(1), "not retried");
        });
    }

    [TestCase("api-key")]
    [TestCase(null)]
    public async Task A_307_within_the_origin_is_followed_with_the_body_and_credentials(string? keyHeader)
    {
        Server.Script(RedirectTo(307, "/v2/chat/completions"), ScriptedServer.Json(200, ChatAnswer));
        var client = new OpenAIClient(Options(o => o.ApiKeyHeader = keyHeader));

        var answer = await client.CreateChatCompletionAsync(ChatRequest);

        var followed = Server.Requests[1];
        Assert.Multiple(() =>
        {
            Assert.That(answer.Id, Is.EqualTo(SpecExamples.DefaultChatId));
            Assert.That(followed.Path, Is.EqualTo("/v2/chat/completions"));
            Assert.That(followed.Method, Is.EqualTo("POST"));
            Assert.That(followed.Body, Is.EqualTo(Server.Requests[0].Body));
            Assert.That(followed.Header(keyHeader ?? "Authorization"), Is.EqualTo(keyHeader == null ? "Bearer " + Key : Key));
        });
    }

    [TestCase(301)]
    [TestCase(302)]
    [TestCase(303)]
    public void A_redirect_that_would_turn_the_POST_into_a_GET_is_refused(int status)
    {
        Server.Script(RedirectTo(status, "/v2/chat/completions"));

        var e = Assert.ThrowsAsync<OpenAIException>(() => Credentialed().CreateChatCompletionAsync(ChatRequest));

        Assert.That(e!.Message, Does.Contain($"HTTP {status}, which would replay the POST as a GET"));
        Assert.That(Server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_callers_handler_that_follows_to_another_origin_is_reported()
    {
        // The caller's own handler follows redirects before this client sees the answer: it cannot be prevented, only told.
        Server.Script(RedirectTo(307, new Uri(_other.BaseUrl, "chat/completions").ToString()));
        _other.Script(ScriptedServer.Json(200, ChatAnswer));

        var e = Assert.ThrowsAsync<OpenAIException>(() => Credentialed(new HttpClient(new SocketsHttpHandler())).CreateChatCompletionAsync(ChatRequest));

        Assert.That(e!.Message, Does.Contain("by the HttpClient's own handler").And.Contain("AllowAutoRedirect = false"));
    }

    [Test]
    public void Redirect_loops_end()
    {
        Server.Script(Enumerable.Range(0, 10).Select(i => RedirectTo(307, $"/v1/loop{i}")).ToArray());

        var e = Assert.ThrowsAsync<OpenAIException>(() => Credentialed().CreateChatCompletionAsync(ChatRequest));

        Assert.That(e!.Message, Does.Contain("more than 5 times"));
    }

    [TestCase("http://api.example.com/v1", true)]
    [TestCase("https://api.example.com/v1", false)]
    [TestCase("http://127.0.0.1:8080/v1", false)]
    [TestCase("http://localhost:11434/v1", false)]
    public void A_plain_http_base_url_to_another_host_is_logged_as_a_warning(string baseUrl, bool warned)
    {
        Logs.Clear();
        _ = new OpenAIClient(Options(o => o.BaseUrl = new Uri(baseUrl)));

        Assert.That(Logs.ClientEntries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("unencrypted")), Is.EqualTo(warned));
    }
}
