using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace OpenAI.Gen.Tests.Client;

public class LoggingTests : LoopbackTest
{
    [Test]
    public async Task Each_attempt_logs_status_request_id_duration_and_retries()
    {
        Server.Script(
            ScriptedServer.Json(500, Error("oops", "server_error"), ("x-request-id", "req_first")),
            ScriptedServer.Json(200, ChatAnswer, ("x-request-id", "req_second")));

        await Client().CreateChatCompletionAsync(ChatRequest);

        var lines = Logs.ClientEntries;
        var sending = lines.Where(l => l.EventName == "Sending").ToList();
        var answered = lines.Where(l => l.EventName == "Answered").ToList();
        var retrying = lines.Single(l => l.EventName == "Retrying");
        Assert.Multiple(() =>
        {
            Assert.That(sending.Select(l => l.Level), Has.All.EqualTo(LogLevel.Debug));
            Assert.That(sending.Select(l => l.Value("Attempt")), Is.EqualTo(new object[] { 1, 2 }));
            Assert.That(sending[0].Value("MaxAttempts"), Is.EqualTo(3));
            Assert.That(answered.Select(l => l.Level), Has.All.EqualTo(LogLevel.Information));
            Assert.That(answered.Select(l => l.Value("StatusCode")), Is.EqualTo(new object[] { 500, 200 }));
            Assert.That(answered.Select(l => l.Value("RequestId")), Is.EqualTo(new object[] { "req_first", "req_second" }));
            Assert.That(answered.Select(l => (double)l.Value("ElapsedMs")!), Has.All.GreaterThan(0.0));
            Assert.That(answered[1].Message, Does.StartWith($"POST 127.0.0.1{Server.BaseUrl.AbsolutePath}chat/completions answered 200 (request id req_second) in "));
            Assert.That(retrying.Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(retrying.Value("Reason"), Is.EqualTo("HTTP 500"));
            Assert.That(lines.Any(l => l.EventName == "GaveUp"), Is.False);
        });
    }

    [Test]
    public void A_failure_after_the_last_attempt_is_logged_with_its_reason()
    {
        Server.Script(ScriptedServer.DropMidBody());

        Assert.ThrowsAsync<OpenAIConnectionException>(() => Client(o => o.MaxRetries = 0).CreateChatCompletionAsync(ChatRequest));

        var gaveUp = Logs.ClientEntries.Single(l => l.EventName == "GaveUp");
        Assert.Multiple(() =>
        {
            Assert.That(gaveUp.Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(gaveUp.Value("Attempts"), Is.EqualTo(1));
            Assert.That((string)gaveUp.Value("Reason")!, Does.Match("^(Http)?IOException: "), "a body read that broke");
        });
    }
}
