using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using OpenAI.Gen.Tests.Support;

namespace OpenAI.Gen.Tests.Client;

public class RetryTests : LoopbackTest
{
    [Test]
    public async Task Rate_limit_with_Retry_After_1_waits_about_a_second_then_succeeds()
    {
        Server.Script(
            ScriptedServer.Json(429, Error("Rate limit reached", "requests", "rate_limit_exceeded"), ("Retry-After", "1")),
            ScriptedServer.Json(200, ChatAnswer));

        var response = await Client().CreateChatCompletionAsync(ChatRequest);

        var requests = Server.Requests;
        var waited = TimeSpan.FromSeconds((requests[1].ReceivedAt - requests[0].ReceivedAt) / (double)Stopwatch.Frequency);
        var retry = Logs.ClientEntries.Single(e => e.EventName == "Retrying");
        Assert.Multiple(() =>
        {
            Assert.That(response.Id, Is.EqualTo(SpecExamples.DefaultChatId));
            Assert.That(requests, Has.Count.EqualTo(2));
            Assert.That(retry.Value("DelayMs"), Is.EqualTo(1000.0), "the server's Retry-After is used as the wait");
            Assert.That(retry.Value("Reason"), Is.EqualTo("HTTP 429"));
            Assert.That(waited, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)), "the second attempt came after the asked second");
        });
    }

    [Test]
    public async Task Two_503s_then_200_succeed_after_two_retries()
    {
        Server.Script(ScriptedServer.Json(503, Error("overloaded", "server_error")), ScriptedServer.Json(503, Error("overloaded", "server_error")), ScriptedServer.Json(200, ChatAnswer));

        var response = await Client().CreateChatCompletionAsync(ChatRequest);

        var retries = Logs.ClientEntries.Where(e => e.EventName == "Retrying").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.Choices.Single().Message.Content, Is.EqualTo(SpecExamples.DefaultChatContent));
            Assert.That(Server.Requests, Has.Count.EqualTo(3));
            Assert.That(retries.Select(r => r.Value("Attempt")), Is.EqualTo(new object[] { 1, 2 }));
            Assert.That(Server.Requests.Select(r => r.Body).Distinct().Count(), Is.EqualTo(1), "every attempt sends the same body");
            Assert.That(Server.Requests.All(r => r.Header("Authorization") == "Bearer " + Key), Is.True, "every attempt is authenticated");
            Assert.That(Server.Requests.Select(r => string.Join("|", r.Header("Accept"), r.Header("Content-Type"), r.Header("User-Agent"))).Distinct().ToList(),
                Has.Count.EqualTo(1).And.One.StartsWith("application/json|application/json|"), "the first attempt (the request itself) and the retries (copies) carry the same headers");
        });
    }

    [Test]
    public void When_retries_run_out_the_last_error_is_raised()
    {
        Server.Script(
            ScriptedServer.Json(503, Error("one", "server_error")),
            ScriptedServer.Json(503, Error("two", "server_error")),
            ScriptedServer.Json(503, Error("three", "server_error"), ("x-request-id", "req_last")));

        var e = Assert.ThrowsAsync<OpenAIException>(() => Client().CreateChatCompletionAsync(ChatRequest));

        Assert.Multiple(() =>
        {
            Assert.That(e!.StatusCode, Is.EqualTo(503));
            Assert.That(e.ErrorMessage, Is.EqualTo("three"));
            Assert.That(e.RequestId, Is.EqualTo("req_last"));
            Assert.That(Server.Requests, Has.Count.EqualTo(3), "MaxRetries 2 = 3 attempts");
            Assert.That(Logs.ClientEntries.Single(l => l.EventName == "GaveUp").Value("Attempts"), Is.EqualTo(3));
        });
    }

    [Test]
    public void Bad_request_is_not_retried_and_fills_the_typed_fields()
    {
        Server.Script(ScriptedServer.Json(
            400,
            Error("Invalid value for 'temperature'", "invalid_request_error", "invalid_value", "temperature"),
            ("x-request-id", "req_abc123"),
            ("x-ratelimit-remaining-requests", "99"),
            ("x-ratelimit-reset-tokens", "6m0s")));

        var e = Assert.ThrowsAsync<OpenAIException>(() => Client().CreateChatCompletionAsync(ChatRequest));

        Assert.Multiple(() =>
        {
            Assert.That(Server.Requests, Has.Count.EqualTo(1));
            Assert.That(e!.StatusCode, Is.EqualTo(400));
            Assert.That(e.ErrorMessage, Is.EqualTo("Invalid value for 'temperature'"));
            Assert.That(e.ErrorType, Is.EqualTo("invalid_request_error"));
            Assert.That(e.ErrorCode, Is.EqualTo("invalid_value"));
            Assert.That(e.Param, Is.EqualTo("temperature"));
            Assert.That(e.RequestId, Is.EqualTo("req_abc123"));
            Assert.That(e.RateLimits.RemainingRequests, Is.EqualTo(99));
            Assert.That(e.RateLimits.ResetTokens, Is.EqualTo(TimeSpan.FromMinutes(6)));
            Assert.That(e.Message, Is.EqualTo("HTTP 400 (BadRequest): Invalid value for 'temperature'; type: invalid_request_error; code: invalid_value; param: temperature; request id: req_abc123"));
            Assert.That(Logs.ClientEntries.Any(l => l.EventName == "Retrying"), Is.False);
        });
    }

    [TestCase(401)]
    [TestCase(403)]
    [TestCase(404)]
    [TestCase(422)]
    public void Client_errors_are_not_retried(int status)
    {
        Server.Script(ScriptedServer.Json(status, Error("no", "invalid_request_error")), ScriptedServer.Json(200, ChatAnswer));

        var e = Assert.ThrowsAsync<OpenAIException>(() => Client().CreateChatCompletionAsync(ChatRequest));

        Assert.Multiple(() =>
        {
            Assert.That(e!.StatusCode, Is.EqualTo(status));
            Assert.That(Server.Requests, Has.Count.EqualTo(1));
        });
    }

    [TestCase(408)]
    [TestCase(409)]
    [TestCase(500)]
    [TestCase(502)]
    [TestCase(504)]
    public async Task Transient_statuses_are_retried(int status)
    {
        Server.Script(ScriptedServer.Json(status, Error("try again", "server_error")), ScriptedServer.Json(200, ChatAnswer));

        var response = await Client(o => o.MaxRetries = 1).CreateChatCompletionAsync(ChatRequest);

        Assert.Multiple(() =>
        {
            Assert.That(response.Id, Is.EqualTo(SpecExamples.DefaultChatId));
            Assert.That(Server.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task The_server_decides_with_x_should_retry()
    {
        Server.Script(ScriptedServer.Json(503, Error("do not", "server_error"), ("x-should-retry", "false")));
        var forbidden = Assert.ThrowsAsync<OpenAIException>(() => Client().CreateChatCompletionAsync(ChatRequest));
        var forbiddenAttempts = Server.Requests.Count;

        Server.Reset();
        Server.Script(ScriptedServer.Json(400, Error("please do", "invalid_request_error"), ("x-should-retry", "true")), ScriptedServer.Json(200, ChatAnswer));
        var response = await Client().CreateChatCompletionAsync(ChatRequest);

        Assert.Multiple(() =>
        {
            Assert.That(forbidden!.StatusCode, Is.EqualTo(503));
            Assert.That(forbiddenAttempts, Is.EqualTo(1));
            Assert.That(response.Id, Is.EqualTo(SpecExamples.DefaultChatId));
            Assert.That(Server.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Retry_after_ms_wins_over_Retry_After()
    {
        Server.Script(ScriptedServer.Json(429, Error("slow down", "requests"), ("retry-after-ms", "30"), ("Retry-After", "20")), ScriptedServer.Json(200, ChatAnswer));

        await Client().CreateChatCompletionAsync(ChatRequest);

        Assert.That(Logs.ClientEntries.Single(e => e.EventName == "Retrying").Value("DelayMs"), Is.EqualTo(30.0));
    }

    [Test]
    public async Task A_long_server_asked_wait_is_capped_by_MaxRetryAfter()
    {
        Server.Script(ScriptedServer.Json(429, Error("slow down", "requests"), ("Retry-After", "3600")), ScriptedServer.Json(200, ChatAnswer));

        await Client(o => o.MaxRetryAfter = TimeSpan.FromMilliseconds(40)).CreateChatCompletionAsync(ChatRequest);

        Assert.That(Logs.ClientEntries.Single(e => e.EventName == "Retrying").Value("DelayMs"), Is.EqualTo(40.0));
    }

    [Test]
    public async Task Computed_backoff_stays_within_MaxRetryDelay()
    {
        var busy = Enumerable.Range(0, 5).Select(_ => ScriptedServer.Json(503, Error("busy", "server_error"))).ToArray();
        Server.Script(busy);
        Server.Script(ScriptedServer.Json(200, ChatAnswer));

        await Client(o => o.MaxRetries = 5).CreateChatCompletionAsync(ChatRequest);

        var delays = Logs.ClientEntries.Where(e => e.EventName == "Retrying").Select(e => (double)e.Value("DelayMs")!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(delays, Has.Count.EqualTo(5));
            Assert.That(delays.Max(), Is.LessThanOrEqualTo(50.0), "capped");
            Assert.That(delays.Min(), Is.GreaterThanOrEqualTo(0.0));
            Assert.That(delays.Distinct().Count(), Is.GreaterThan(1), "jittered and growing, not constant");
        });
    }

    [Test]
    public void A_retryable_answer_the_caller_cancels_before_the_retry_is_released_and_not_retried()
    {
        Server.Script(ScriptedServer.Json(503, Error("busy", "server_error")), ScriptedServer.Json(200, ChatAnswer));
        using var cancel = new CancellationTokenSource();
        var disposed = 0;
        var answers = new Microsoft.Extensions.Logging.LoggerFactory(new[] { new CancelOnAnswer(cancel) });

        // The 503 is answered and logged; the caller cancels right then, before any retry is decided.
        Assert.CatchAsync<OperationCanceledException>(() => new OpenAIClient(new HttpClient(new DisposalCounter(() => disposed++)), Options(o => o.LoggerFactory = answers))
            .CreateChatCompletionAsync(ChatRequest, cancel.Token));

        Assert.Multiple(() =>
        {
            Assert.That(Server.Requests, Has.Count.EqualTo(1), "not retried");
            Assert.That(disposed, Is.EqualTo(1), "the 503 answer was released");
        });
    }

    [Test]
    public void No_retries_when_MaxRetries_is_0()
    {
        Server.Script(ScriptedServer.Json(503, Error("busy", "server_error"), ("Retry-After", "7")), ScriptedServer.Json(200, ChatAnswer));

        var e = Assert.ThrowsAsync<OpenAIException>(() => Client(o => o.MaxRetries = 0).CreateChatCompletionAsync(ChatRequest));

        Assert.Multiple(() =>
        {
            Assert.That(e!.StatusCode, Is.EqualTo(503));
            Assert.That(e.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)), "the caller can schedule its own retry");
            Assert.That(Server.Requests, Has.Count.EqualTo(1));
        });
    }

    [TestCase("retry-after-ms", "1500", 1500)]
    [TestCase("retry-after-ms", "12.5", 12.5)]
    [TestCase("Retry-After", "2", 2000)]
    [TestCase("Retry-After", "Wed, 01 Jan 2025 00:00:05 GMT", 5000)]
    [TestCase("Retry-After", "Wed, 01 Jan 2025 00:00:00 GMT", 0)]
    public void Server_asked_waits_are_read(string header, string value, double expectedMs)
    {
        var now = DateTimeOffset.Parse("2025-01-01T00:00:00Z", CultureInfo.InvariantCulture);
        var headers = new[] { new System.Collections.Generic.KeyValuePair<string, System.Collections.Generic.IEnumerable<string>>(header, new[] { value }) };

        Assert.That(OpenAIRetryAdvice.RetryAfter(headers, now), Is.EqualTo(TimeSpan.FromMilliseconds(expectedMs)));
    }

    [TestCase("soon")]
    [TestCase("-3")]
    [TestCase("")]
    public void Unreadable_Retry_After_is_ignored(string value)
    {
        var headers = new[] { new System.Collections.Generic.KeyValuePair<string, System.Collections.Generic.IEnumerable<string>>("Retry-After", new[] { value }) };

        Assert.That(OpenAIRetryAdvice.RetryAfter(headers, DateTimeOffset.UtcNow), Is.Null);
    }

    [TestCase("1s", 1000)]
    [TestCase("6m0s", 360_000)]
    [TestCase("20ms", 20)]
    [TestCase("1h2m3.5s", 3_723_500)]
    public void Rate_limit_reset_durations_are_read(string text, double expectedMs) =>
        Assert.That(OpenAIRateLimits.Duration(text), Is.EqualTo(TimeSpan.FromMilliseconds(expectedMs)));

    [TestCase("soon")]
    [TestCase("5")]
    [TestCase("5x")]
    public void Unreadable_rate_limit_durations_are_null(string text) =>
        Assert.That(OpenAIRateLimits.Duration(text), Is.Null);

    /// <summary>Cancels the caller's token when the client logs an answer.</summary>
    private sealed class CancelOnAnswer(CancellationTokenSource cancel) : Microsoft.Extensions.Logging.ILoggerProvider, Microsoft.Extensions.Logging.ILogger
    {
        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name == "Answered")
            {
                cancel.Cancel();
            }
        }

        public void Dispose()
        {
        }
    }

    /// <summary>Sends through a real socket handler and counts the answers disposed.</summary>
    private sealed class DisposalCounter(Action disposed) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var counted = new CountedResponse(response.StatusCode, disposed) { Content = response.Content, RequestMessage = request };
            foreach (var header in response.Headers)
            {
                counted.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            return counted;
        }
    }

    private sealed class CountedResponse(System.Net.HttpStatusCode status, Action disposed) : HttpResponseMessage(status)
    {
        private bool _disposed;

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                disposed();
            }

            base.Dispose(disposing);
        }
    }
}
