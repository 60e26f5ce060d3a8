using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;
using OpenAI.Gen.Testing;
using OpenAI.Gen.Tests.Support;
using static OpenAI.Gen.Tests.Conformance.ReplayingServer;

namespace OpenAI.Gen.Tests.Conformance;

public class ConformanceFailureTests
{
    [Test]
    public async Task A_server_that_is_down_gives_a_FAIL_per_check_saying_there_was_no_answer()
    {
        var port = FreePort.Find();

        var report = await new ConformanceRunner(new ConformanceOptions(new Uri($"http://127.0.0.1:{port}/v1")) { Timeout = TimeSpan.FromSeconds(10) }).RunAsync();

        var sent = report.Checks.Where(c => c.Verdict != ConformanceVerdict.Skipped).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sent, Is.Not.Empty);
            Assert.That(sent.Select(c => c.Verdict), Is.All.EqualTo(ConformanceVerdict.Fail));
            Assert.That(sent.Select(c => c.Reason), Is.All.StartWith("no answer: ").And.All.Contain("refused"));
            Assert.That(sent.Select(c => c.StatusCode), Is.All.Null);
            Assert.That(report.Succeeded, Is.False);
        });
    }

    [Test]
    public async Task An_HTML_page_is_a_FAIL_saying_what_came_instead()
    {
        const string Page = "<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>";
        await using var server = await StartAsync((_, _) => new Transcript(200, "text/html", Page));

        var report = await new ConformanceRunner(new ConformanceOptions(server.BaseUrl) { Only = "createChatCompletion", Timeout = TimeSpan.FromSeconds(10) }).RunAsync();

        string? Reason(string title) => report.Checks.Single(c => c.Title == title).Reason;
        Assert.Multiple(() =>
        {
            Assert.That(Reason("Default"), Is.EqualTo("the answer is not JSON (text/html): " + Page));
            Assert.That(Reason("Streaming"), Is.EqualTo("the stream carries no data events: " + Page));
            Assert.That(Reason("probe: invalid request ($.model is integer)"), Is.EqualTo("the invalid request was accepted (HTTP 200); it must get a 4xx error"));
            Assert.That(report.Checks.Where(c => c.Verdict != ConformanceVerdict.Skipped).Select(c => c.Verdict), Is.All.EqualTo(ConformanceVerdict.Fail));
        });
    }

    [Test]
    public async Task An_event_that_is_not_JSON_is_a_FAIL_naming_the_event()
    {
        await using var server = await StartAsync((_, body) => Streamed(body)
            ? Events(true, """{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[]}""", "{\"id\": oops")
            : new Transcript(400, "application/json", """{"error": {"message": "bad", "type": "invalid_request_error", "param": null, "code": null}}"""));

        var report = await new ConformanceRunner(new ConformanceOptions(server.BaseUrl) { Only = "createChatCompletion", Timeout = TimeSpan.FromSeconds(10) }).RunAsync();

        var streaming = report.Checks.Single(c => c.Title == "Streaming");
        Assert.Multiple(() =>
        {
            Assert.That(streaming.Verdict, Is.EqualTo(ConformanceVerdict.Fail));
            Assert.That(streaming.Reason, Does.StartWith("event 2 is not JSON (").And.EndWith("): {\"id\": oops"));
            Assert.That(report.Checks.Single(c => c.Title == "Default").Reason, Is.EqualTo("HTTP 400: bad"));
            Assert.That(report.Checks.Single(c => c.Title.StartsWith("probe: invalid", StringComparison.Ordinal)).Verdict, Is.EqualTo(ConformanceVerdict.Pass));
        });
    }

    [Test]
    public async Task A_hanging_server_gives_FAIL_lines_within_the_time_limit()
    {
        using var release = new CancellationTokenSource();
        await using var server = await LoopbackKestrel.StartAsync(
            async context =>
            {
                if (context.Request.Path.Value!.EndsWith("/completions", StringComparison.Ordinal) && !context.Request.Path.Value.Contains("/chat/", StringComparison.Ordinal))
                {
                    // Headers and one event, then nothing.
                    context.Response.ContentType = "text/event-stream";
                    await context.Response.WriteAsync("data: {\"id\":\"c\"}\n\n");
                    await context.Response.Body.FlushAsync();
                }

                await Task.Delay(Timeout.Infinite, release.Token).ContinueWith(_ => { });
            },
            TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        var report = await new ConformanceRunner(new ConformanceOptions(server.BaseUrl) { Timeout = TimeSpan.FromMilliseconds(400) }).RunAsync();
        release.Cancel();

        var sent = report.Checks.Where(c => c.Verdict != ConformanceVerdict.Skipped).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Select(c => c.Verdict), Is.All.EqualTo(ConformanceVerdict.Fail));
            Assert.That(sent.Where(c => c.Operation == "createChatCompletion").Select(c => c.Reason), Is.All.EqualTo("no answer within 0.4 s"));
            Assert.That(sent.Where(c => c.Operation == "createCompletion").Select(c => c.Reason), Is.All.StartWith("the answer did not end within 0.4 s (HTTP 200, "));
            Assert.That(sent.Select(c => c.Duration!.Value.TotalSeconds), Is.All.LessThan(5));
            // Checks run one after another, each cut at its limit: the whole run ends within a bound that grows with how
            // many the spec in use gives (a wider cut sends hundreds).
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10 + sent.Count)));
        });
    }
}
