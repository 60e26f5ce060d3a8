using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;
using OpenAI.Gen.Tests.Client;
using static OpenAI.Gen.Tests.Streaming.StreamFixtures;

namespace OpenAI.Gen.Tests.Servers;

/// <summary>Answers too large, a line that never ends, a deadline across retries: memory and time stay bounded.</summary>
public class LimitTests : LoopbackTest
{
    private const long OneGiB = 1L << 30;

    // Writes `total` bytes of `fill` after `head`, made on the fly from one small buffer, until done or the client leaves.
    private static Func<HttpContext, Task> Endless(string contentType, string head, byte fill, long? contentLength) => async context =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = contentLength;
        var block = Enumerable.Repeat(fill, 64 * 1024).ToArray();
        try
        {
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(head), context.RequestAborted);
            for (long sent = 0; sent < OneGiB; sent += block.Length)
            {
                await context.Response.Body.WriteAsync(block, context.RequestAborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or System.IO.IOException or InvalidOperationException)
        {
            // The client went away: what these tests expect.
        }
    };

    [Test]
    public void A_Content_Length_above_MaxResponseBytes_is_refused_before_reading_and_not_retried()
    {
        Server.Script(Endless("application/json", "{\"id\":\"", (byte)'x', OneGiB + 7), Endless("application/json", "{", (byte)' ', OneGiB));

        var e = Assert.ThrowsAsync<OpenAIException>(() => Client().CreateChatCompletionAsync(ChatRequest));

        Assert.Multiple(() =>
        {
            Assert.That(e!.GetType(), Is.EqualTo(typeof(OpenAIException)));
            Assert.That(e.Message, Does.Contain("OpenAIClientOptions.MaxResponseBytes (67108864 bytes)").And.Contain("Content-Length is 1073741831"));
            Assert.That(e.StatusCode, Is.EqualTo(200));
            Assert.That(Server.Requests, Has.Count.EqualTo(1), "not retried");
        });
    }

    [Test]
    public void A_1_GiB_answer_without_length_is_stopped_at_MaxResponseBytes_with_bounded_memory()
    {
        using var server = new EndlessServer("application/json", "{\"id\":\"", (byte)'x');
        OpenAIException? e;
        long peak;
        using (var memory = PeakMemory.Start())
        {
            e = Assert.ThrowsAsync<OpenAIException>(() => Client(o => o.BaseUrl = server.BaseUrl).CreateChatCompletionAsync(ChatRequest));
            peak = memory.Peak;
        }

        TestContext.Out.WriteLine($"peak managed memory above the baseline: {peak / (1 << 20)} MiB (limit 64 MiB)");
        Assert.Multiple(() =>
        {
            Assert.That(e!.GetType(), Is.EqualTo(typeof(OpenAIException)));
            Assert.That(e.Message, Does.Contain("OpenAIClientOptions.MaxResponseBytes (67108864 bytes): its body is longer"));
            Assert.That(peak, Is.LessThan(2L * OpenAIClientOptions.DefaultMaxResponseBytes));
        });
    }

    [Test]
    public void A_1_GiB_stream_line_is_stopped_at_MaxEventBytes_with_bounded_memory()
    {
        using var server = new EndlessServer("text/event-stream", Event(ContentChunk("a")) + "data: ", (byte)'x');
        (System.Collections.Generic.List<CreateChatCompletionStreamResponse> Items, Exception? Error) result;
        long peak;
        using (var memory = PeakMemory.Start())
        {
            result = CollectUntilErrorAsync(Client(o => o.BaseUrl = server.BaseUrl).CreateChatCompletionStreamAsync(ChatRequest)).GetAwaiter().GetResult();
            peak = memory.Peak;
        }

        TestContext.Out.WriteLine($"peak managed memory above the baseline: {peak / (1 << 20)} MiB (limit 16 MiB)");
        Assert.Multiple(() =>
        {
            Assert.That(Contents(result.Items), Is.EqualTo(new[] { "a" }), "the chunk before the limit stays");
            Assert.That(result.Error, Is.TypeOf<OpenAIStreamException>());
            Assert.That(result.Error!.Message, Does.Contain("OpenAIClientOptions.MaxEventBytes (16777216 bytes)"));
            Assert.That(peak, Is.LessThan(2L * OpenAIClientOptions.DefaultMaxEventBytes));
        });
    }

    [Test]
    public void TotalTimeout_ends_the_retries_and_their_waits()
    {
        Server.Script(Enumerable.Range(0, 20).Select(_ => ScriptedServer.Json(503, Error("busy", "server_error"), ("retry-after-ms", "300"))).ToArray());
        var clock = Stopwatch.StartNew();

        var e = Assert.ThrowsAsync<OpenAITimeoutException>(() => Client(o =>
        {
            o.MaxRetries = 19;
            o.TotalTimeout = TimeSpan.FromMilliseconds(800);
        }).CreateChatCompletionAsync(ChatRequest));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Timeout, Is.EqualTo(TimeSpan.FromMilliseconds(800)));
            Assert.That(e.Message, Does.Contain("no complete answer within 800 ms (OpenAIClientOptions.TotalTimeout)"));
            // At most one attempt per 300 ms wait fits in 800 ms; a loaded machine may fit fewer, so the floor is one.
            Assert.That(Server.Requests.Count, Is.InRange(1, 4), "at most about one attempt per 300 ms wait");
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        });
    }

    [Test]
    public void TotalTimeout_ends_an_attempt_that_its_own_limit_would_let_run()
    {
        Server.Script(ScriptedServer.Stall(TimeSpan.FromSeconds(30)));

        var e = Assert.ThrowsAsync<OpenAITimeoutException>(() => Client(o =>
        {
            o.Timeout = TimeSpan.FromMinutes(5);
            o.TotalTimeout = TimeSpan.FromMilliseconds(300);
        }).CreateChatCompletionAsync(ChatRequest));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Message, Does.Contain("after 1 attempt(s): no complete answer within 300 ms (OpenAIClientOptions.TotalTimeout)"));
            Assert.That(Server.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Each_attempt_carries_its_retry_count()
    {
        Server.Script(ScriptedServer.Json(500, Error("a", "server_error")), ScriptedServer.Json(502, Error("b", "server_error")), ScriptedServer.Json(200, ChatAnswer));

        await Client().CreateChatCompletionAsync(ChatRequest);

        Assert.That(Server.Requests.Select(r => r.Header("X-Retry-Count")), Is.EqualTo(new[] { "0", "1", "2" }));
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void Limits_must_be_positive(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenAIClient(new OpenAIClientOptions { ApiKey = Key, MaxResponseBytes = value }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenAIClient(new OpenAIClientOptions { ApiKey = Key, MaxEventBytes = value }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenAIClient(new OpenAIClientOptions { ApiKey = Key, TotalTimeout = TimeSpan.FromMilliseconds(value) }));
    }
}
