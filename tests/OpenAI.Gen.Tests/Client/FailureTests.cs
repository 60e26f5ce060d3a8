using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Client;

public class FailureTests : LoopbackTest
{
    [Test]
    public void Connection_dropped_mid_response_raises_a_typed_connection_error()
    {
        Server.Script(ScriptedServer.DropMidBody(), ScriptedServer.DropMidBody());

        var e = Assert.ThrowsAsync<OpenAIConnectionException>(() => Client(o => o.MaxRetries = 1).CreateChatCompletionAsync(ChatRequest));

        Assert.Multiple(() =>
        {
            Assert.That(e!.StatusCode, Is.EqualTo(0));
            Assert.That(e.Message, Does.StartWith($"POST 127.0.0.1{Server.BaseUrl.AbsolutePath}chat/completions failed after 2 attempt(s), no complete answer:"));
            Assert.That(e.InnerException, Is.Not.Null);
            Assert.That(Server.Requests, Has.Count.EqualTo(2), "a lost connection is retried");
        });
    }

    [Test]
    public async Task A_dropped_answer_is_retried_transparently()
    {
        Server.Script(ScriptedServer.DropMidBody(), ScriptedServer.Json(200, ChatAnswer));

        var response = await Client().CreateChatCompletionAsync(ChatRequest);

        Assert.Multiple(() =>
        {
            Assert.That(response.Id, Is.EqualTo(SpecExamples.DefaultChatId));
            Assert.That(Server.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Unreachable_server_raises_a_typed_connection_error()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var e = Assert.ThrowsAsync<OpenAIConnectionException>(() => Client(o =>
        {
            o.BaseUrl = new Uri($"http://127.0.0.1:{port}/v1");
            o.MaxRetries = 1;
        }).CreateChatCompletionAsync(ChatRequest));

        Assert.That(e!.Message, Does.Contain("after 2 attempt(s)"));
    }

    [Test]
    public void Attempt_timeout_raises_the_typed_timeout()
    {
        Server.Script(ScriptedServer.Stall(TimeSpan.FromSeconds(30)), ScriptedServer.Stall(TimeSpan.FromSeconds(30)));

        var e = Assert.ThrowsAsync<OpenAITimeoutException>(() => Client(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetries = 1;
        }).CreateChatCompletionAsync(ChatRequest));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Timeout, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
            Assert.That(e.Message, Does.Contain("timed out after 2 attempt(s): no complete answer within 200 ms (OpenAIClientOptions.Timeout)"));
            Assert.That(Server.Requests, Has.Count.EqualTo(2), "a timed-out attempt is retried");
        });
    }

    [Test]
    public async Task A_timed_out_attempt_is_retried_and_can_succeed()
    {
        Server.Script(ScriptedServer.Stall(TimeSpan.FromSeconds(30)), ScriptedServer.Json(200, ChatAnswer));

        var response = await Client(o => o.Timeout = TimeSpan.FromMilliseconds(200)).CreateChatCompletionAsync(ChatRequest);

        Assert.That(response.Id, Is.EqualTo(SpecExamples.DefaultChatId));
    }

    [Test]
    public void The_caller_HttpClient_Timeout_is_a_typed_timeout_too()
    {
        Server.Script(ScriptedServer.Stall(TimeSpan.FromSeconds(30)));
        using var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };

        var e = Assert.ThrowsAsync<OpenAITimeoutException>(() => new OpenAIClient(http, Options(o => o.MaxRetries = 0)).CreateChatCompletionAsync(ChatRequest));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Timeout, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
            Assert.That(e.Message, Does.Contain("within 200 ms (the HttpClient's Timeout)"));
        });
    }

    [Test]
    public void Caller_cancellation_is_an_OperationCanceledException_and_is_not_retried()
    {
        Server.Script(ScriptedServer.Stall(TimeSpan.FromSeconds(30)), ScriptedServer.Json(200, ChatAnswer));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var e = Assert.CatchAsync<OperationCanceledException>(() => Client().CreateChatCompletionAsync(ChatRequest, cancellation.Token));

        Assert.Multiple(() =>
        {
            Assert.That(e!.CancellationToken, Is.EqualTo(cancellation.Token));
            Assert.That(Server.Requests, Has.Count.EqualTo(1));
            Assert.That(Logs.ClientEntries.Any(l => l.EventName is "Retrying" or "GaveUp"), Is.False);
        });
    }

    [Test]
    public void Caller_cancellation_during_a_retry_wait_ends_the_wait()
    {
        Server.Script(ScriptedServer.Json(429, Error("slow down", "requests"), ("Retry-After", "30")));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var started = DateTime.UtcNow;

        Assert.CatchAsync<OperationCanceledException>(() => Client().CreateChatCompletionAsync(ChatRequest, cancellation.Token));

        Assert.Multiple(() =>
        {
            Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(20)), "did not sit out the 30 s wait");
            Assert.That(Server.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Html_502_from_a_proxy_gives_a_clear_message_with_a_short_excerpt()
    {
        var page = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n" + new string('x', 500) + "\n</body>\n</html>";
        Server.Script(ScriptedServer.Text(502, "text/html", page, ("x-request-id", "req_proxy")));

        var e = Assert.ThrowsAsync<OpenAIException>(() => Client(o => o.MaxRetries = 0).CreateChatCompletionAsync(ChatRequest));

        Assert.Multiple(() =>
        {
            Assert.That(e!.StatusCode, Is.EqualTo(502));
            Assert.That(e.ErrorMessage, Is.Null);
            Assert.That(e.Response, Is.EqualTo(page), "the whole body stays available");
            Assert.That(e.Message, Does.StartWith("HTTP 502 (BadGateway): the body is not an OpenAI error object (text/html), it starts: <html> <head><title>502 Bad Gateway</title></head>"));
            Assert.That(e.Message, Does.Contain("…; request id: req_proxy"));
            Assert.That(e.Message.Length, Is.LessThan(400), "an excerpt, not the page");
        });
    }

    [Test]
    public void Missing_api_key_fails_at_the_first_call_naming_the_option_and_the_variable()
    {
        var client = Client(o => o.ApiKey = null);

        var e = Assert.ThrowsAsync<OpenAIException>(() => client.CreateChatCompletionAsync(ChatRequest));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Message, Does.Contain("OpenAIClientOptions.ApiKey").And.Contain("OPENAI_API_KEY"));
            Assert.That(Server.Requests, Is.Empty, "nothing was sent");
        });
    }

    [Test]
    public void Invalid_options_are_refused_at_construction_with_the_option_name()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Client(o => o.Timeout = TimeSpan.FromSeconds(-1)), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("OpenAIClientOptions.Timeout"));
            Assert.That(() => Client(o => o.MaxRetries = -1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("OpenAIClientOptions.MaxRetries"));
            Assert.That(() => Client(o => o.MaxRetryDelay = TimeSpan.FromDays(2)), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("OpenAIClientOptions.MaxRetryDelay"));
            Assert.That(() => Client(o => o.BaseUrl = new Uri("/v1", UriKind.Relative)), Throws.ArgumentException.With.Message.Contains("OpenAIClientOptions.BaseUrl"));
            Assert.That(() => Client(o => o.BaseUrl = new Uri("ftp://example.com/v1")), Throws.ArgumentException.With.Message.Contains("OpenAIClientOptions.BaseUrl"));
            Assert.That(() => Client(o => o.DefaultHeaders["Content-Type"] = "text/plain"), Throws.ArgumentException.With.Message.Contains("OpenAIClientOptions.DefaultHeaders: 'Content-Type'"));
            Assert.That(() => Client(o => o.DefaultHeaders["Bad Name"] = "x"), Throws.ArgumentException.With.Message.Contains("'Bad Name'"));
        });
    }

    [Test]
    public void Invalid_OPENAI_BASE_URL_is_refused_naming_the_variable()
    {
        using var environment = new EnvironmentScope((OpenAIClientOptions.BaseUrlEnvironmentVariable, "not a url"));

        Assert.That(() => new OpenAIClient("sk-x"), Throws.ArgumentException.With.Message.Contains("OPENAI_BASE_URL"));
    }
}
