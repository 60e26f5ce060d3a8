using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>
/// Runs the spec's own examples against a server and says where it departs from the spec: for every operation with
/// <c>x-oaiMeta</c> request examples, each example's request (streamed where it streams), then probes (a stream with
/// <c>stream_options.include_usage</c>, a tool call, an invalid request). Each answer is judged
/// <see cref="ConformanceVerdict.Pass"/>, <see cref="ConformanceVerdict.Departs"/> (this client reads it, but it breaks
/// the spec's schema or protocol; each departure named by JSON path and rule) or <see cref="ConformanceVerdict.Fail"/>.
/// </summary>
/// <example><code>
/// var report = await new ConformanceRunner(new ConformanceOptions(new Uri("http://localhost:11434/v1")) { Model = "llama3.2" }).RunAsync();
/// Assert.That(report.Succeeded, report.Summary);
/// </code></example>
public sealed class ConformanceRunner
{
    private static readonly string[] NotedHeaders =
    {
        "Content-Type", "x-request-id", "Server", "openai-version", "openai-processing-ms", "openai-model", "Retry-After",
    };

    private readonly ConformanceOptions _options;
    private readonly ExampleValidator _validator;

    /// <summary>Creates a runner with <paramref name="options"/>.</summary>
    public ConformanceRunner(ConformanceOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _validator = new ExampleValidator(options.Spec, options.Validation);
    }

    /// <summary>Sends every check, one after another, and reports on them; <paramref name="onCheck"/> sees each as it ends.</summary>
    public async Task<ConformanceReport> RunAsync(Action<ConformanceCheck>? onCheck = null, CancellationToken cancellationToken = default)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var http = _options.Handler == null ? new HttpClient() : new HttpClient(_options.Handler, disposeHandler: false);
        http.Timeout = Timeout.InfiniteTimeSpan;
        var checks = new List<ConformanceCheck>();
        var plans = ConformancePlan.For(_options);
        var examples = new Dictionary<string, PlannedCheck>(StringComparer.Ordinal);
        foreach (var example in plans.Where(p => !p.IsProbe))
        {
            examples[example.Operation + " / " + example.Title + " / response"] = example;
        }

        foreach (var plan in plans)
        {
            var check = await CheckAsync(http, plan, examples, cancellationToken).ConfigureAwait(false);
            checks.Add(check);
            onCheck?.Invoke(check);
        }

        return new ConformanceReport(_options.BaseUrl, _options.Spec.SourceName, _options.Model, started, clock.Elapsed, checks);
    }

    private async Task<ConformanceCheck> CheckAsync(HttpClient http, PlannedCheck plan, IReadOnlyDictionary<string, PlannedCheck> examples, CancellationToken cancellationToken)
    {
        var check = new ConformanceCheck(plan.Operation, plan.Title, plan.IsProbe, plan.Method, plan.Path, plan.Streamed, plan.Body);
        if (plan.SkipReason != null)
        {
            check.Verdict = ConformanceVerdict.Skipped;
            check.Reason = plan.SkipReason;
            return check;
        }

        var answer = await AnswerCapture.SendAsync(http, new Uri(_options.BaseUrl, plan.Path.TrimStart('/')), plan.Method, plan.Body, plan.Streamed, _options.ApiKey, _options.Timeout, cancellationToken).ConfigureAwait(false);
        check.StatusCode = answer.StatusCode;
        check.Duration = answer.Duration;
        foreach (var header in answer.Headers.Where(h => NotedHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase)))
        {
            check.MutableHeaders[header.Key] = string.Join(", ", header.Value);
        }

        if (answer.Failure != null)
        {
            check.Fail(answer.Failure);
            return check;
        }

        if (plan.ExpectsClientError)
        {
            await JudgeErrorAsync(check, plan, answer, cancellationToken).ConfigureAwait(false);
            return check;
        }

        if (!plan.IsProbe && answer.StatusCode is >= 400 and < 500 && RequestAllowance(check) is { } allowed)
        {
            // The spec's own example request breaks its request schema (a reviewed finding): rejecting it keeps to the spec.
            check.Reason = $"HTTP {answer.StatusCode}: the example's request breaks the spec's request schema; rejecting it keeps to the spec (allowed: {allowed.Reason})";
            return check;
        }

        if (answer.StatusCode is < 200 or >= 300)
        {
            // The error's message as this client reads it, or how the body starts.
            var error = await ClientReplay.ReadAsync(plan, answer, Array.Empty<JToken>(), _options.Validation, cancellationToken).ConfigureAwait(false) as OpenAIException;
            check.Fail($"HTTP {answer.StatusCode}: {(error?.ErrorMessage is { } message ? OneLine(message) : Snippet(answer.Text))}");
            return check;
        }

        if (!plan.Streamed && AnswerMediaTypes.IsBinary(plan.AnswerMediaType))
        {
            // A binary answer (audio, an image, a file) has no JSON to check: its media type is what the spec says of it.
            if (!string.Equals(answer.MediaType, plan.AnswerMediaType, StringComparison.OrdinalIgnoreCase))
            {
                check.Depart(new ConformanceDeparture("ContentType", "$", $"Content-Type is {answer.MediaType ?? "missing"}, not {plan.AnswerMediaType}"));
            }

            return check;
        }

        if (!plan.Streamed && plan.EmptyAnswer)
        {
            // The spec gives this answer no body: nothing to read, and a body would be one it does not describe.
            if (answer.Body.Length > 0)
            {
                check.Depart(new ConformanceDeparture("UnexpectedBody", "$", $"the spec gives this answer no body, but it has {answer.Body.Length} bytes ({answer.MediaType ?? "no Content-Type"})"));
            }

            return check;
        }

        var values = plan.Streamed ? await EventsAsync(check, answer, cancellationToken).ConfigureAwait(false) : Whole(check, answer);
        if (values == null)
        {
            return check;
        }

        CheckSchema(check, plan, values, examples);
        CheckRules(check, plan, values);
        if (await ClientReplay.ReadAsync(plan, answer, values, _options.Validation, cancellationToken).ConfigureAwait(false) is { } unread)
        {
            if (!plan.IsProbe && UnreadableAllowance(check, plan, examples) is { } unreadable)
            {
                // The spec's own example answer does not read into its DTO either (a reviewed finding): the spec's, not the server's.
                check.Reason = $"this client cannot read the spec's own example answer either (allowed: {unreadable.Reason})";
            }
            else
            {
                check.Fail("this client cannot read it: " + OneLine(unread.Message));
            }
        }

        return check;
    }

    /// <summary>The chunks of a streamed answer, or null (the check failed) when it carries no readable events.</summary>
    private static async Task<List<JToken>?> EventsAsync(ConformanceCheck check, CapturedAnswer answer, CancellationToken cancellationToken)
    {
        if (IsJson(answer.MediaType))
        {
            check.Fail($"asked for a stream, answered with {answer.MediaType}: {Snippet(answer.Text)}");
            return null;
        }

        if (!string.Equals(answer.MediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            check.Depart(new ConformanceDeparture("ContentType", "$", $"Content-Type is {answer.MediaType ?? "missing"}, not text/event-stream"));
        }

        var values = new List<JToken>();
        var done = false;
        // The client's own event-stream reader (WHATWG rules); the body is whole already, so no size limit applies.
        using var events = new ServerSentEventReader(new MemoryStream(answer.Body), Math.Max(answer.Body.Length, 1), () => new InvalidDataException("unreachable: the limit is the body's length"));
        while (await events.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var data = Encoding.UTF8.GetString(events.Data.ToArray());
            if (data == "[DONE]")
            {
                done = true;
                break;
            }

            try
            {
                values.Add(LenientJson.ParseStrict(data));
            }
            catch (JsonReaderException e)
            {
                check.Chunks = values.Count;
                check.Fail($"event {values.Count + 1} is not JSON ({e.Message}): {Snippet(data)}");
                return null;
            }
        }

        check.Chunks = values.Count;
        check.FirstChunkLatency = answer.FirstEvent;
        if (values.Count == 0)
        {
            check.Fail(answer.Body.Length == 0 ? "the stream is empty" : $"the stream carries no data events: {Snippet(answer.Text)}");
            return null;
        }

        if (!done)
        {
            check.Depart(new ConformanceDeparture("NoDoneEvent", "$", "the stream ended without data: [DONE]"));
        }

        return values;
    }

    /// <summary>The answer's one JSON value, or null (the check failed) when it is not JSON.</summary>
    private static List<JToken>? Whole(ConformanceCheck check, CapturedAnswer answer)
    {
        JToken value;
        try
        {
            value = LenientJson.ParseStrict(answer.Text);
        }
        catch (JsonReaderException)
        {
            check.Fail($"the answer is not JSON ({answer.MediaType ?? "no Content-Type"}): {Snippet(answer.Text)}");
            return null;
        }

        if (!IsJson(answer.MediaType))
        {
            check.Depart(new ConformanceDeparture("ContentType", "$", $"Content-Type is {answer.MediaType ?? "missing"}, not application/json"));
        }

        return new List<JToken> { value };
    }

    private void CheckSchema(ConformanceCheck check, PlannedCheck plan, List<JToken> values, IReadOnlyDictionary<string, PlannedCheck> examples)
    {
        var schema = plan.Streamed ? plan.ChunkSchema ?? plan.ResponseSchema : plan.ResponseSchema;
        if (schema == null)
        {
            check.Reason = "the spec names no schema for the answer: only read through the client";
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            foreach (var error in _validator.SchemaErrors(values[i], schema))
            {
                var rule = error.Code == "PropertyRequired" ? "missing" : error.Message;
                check.Depart(new ConformanceDeparture(error.Code, JsonPath(error.Path), rule, plan.Streamed ? i + 1 : null)
                {
                    AllowedBecause = Allowance(check, plan, error, examples)?.Reason,
                });
            }
        }
    }

    /// <summary>
    /// The reviewed example allowance that covers a schema finding: the spec's own examples break its schema in places
    /// the project has judged. An example's check takes the allowances of that example's response; a probe takes those
    /// of any example of its operation answered the same way (streamed or whole), as the same schema judges the same
    /// member there: the finding is the spec's, not the server's.
    /// </summary>
    private ExampleAllowance? Allowance(ConformanceCheck check, PlannedCheck plan, SchemaError error, IReadOnlyDictionary<string, PlannedCheck> examples) =>
        _options.Validation.Allowances.FirstOrDefault(a =>
            a.Code == error.Code && (a.Path == null || a.Path == error.Path)
            && (plan.IsProbe
                ? examples.TryGetValue(a.Example, out var example) && example.Operation == plan.Operation && example.Streamed == plan.Streamed
                : a.Example == check.Name + " / response"));

    /// <summary>The reviewed allowance of a schema finding of the example's own request, or null.</summary>
    private ExampleAllowance? RequestAllowance(ConformanceCheck check) =>
        _options.Validation.Allowances.FirstOrDefault(a =>
            a.Example == check.Name + " / request" && a.Category is null or FindingCategory.Schema && a.Code != "NoSchema");

    /// <summary>
    /// The reviewed allowance saying the example's own answer does not deserialize into its DTO, or null. An example that
    /// shows no answer of its own is answered as another example of its operation (the fake server sends that one's), so
    /// it takes the allowance of any example of its operation answered the same way (streamed or whole).
    /// </summary>
    private ExampleAllowance? UnreadableAllowance(ConformanceCheck check, PlannedCheck plan, IReadOnlyDictionary<string, PlannedCheck> examples) =>
        _options.Validation.Allowances.FirstOrDefault(a =>
            a.Category == FindingCategory.RoundTrip && a.Code == RoundTripCodes.DeserializationFailed
            && (a.Example == check.Name + " / response"
                || (plan.NoAnswerShown && examples.TryGetValue(a.Example, out var other) && other.Operation == plan.Operation && other.Streamed == plan.Streamed)));

    private static void CheckRules(ConformanceCheck check, PlannedCheck plan, List<JToken> values)
    {
        if (plan.ExpectsUsage && !values.Any(v => v["usage"] is JObject))
        {
            check.Depart(new ConformanceDeparture("NoUsage", "$", "no chunk carries usage, though stream_options.include_usage was asked"));
        }

        if (plan.ExpectsToolCall && !values.Any(v => v.SelectTokens("choices[*].delta.tool_calls[*]").Any() || v.SelectTokens("choices[*].message.tool_calls[*]").Any()))
        {
            check.Depart(new ConformanceDeparture("NoToolCall", "$", $"tool_choice named function {plan.Body?["tool_choice"]?["function"]?["name"]}, but the answer calls no tool"));
        }
    }

    private async Task JudgeErrorAsync(ConformanceCheck check, PlannedCheck plan, CapturedAnswer answer, CancellationToken cancellationToken)
    {
        if (answer.StatusCode is >= 200 and < 300)
        {
            check.Fail($"the invalid request was accepted (HTTP {answer.StatusCode}); it must get a 4xx error");
            return;
        }

        if (answer.StatusCode is < 400 or >= 500)
        {
            check.Depart(new ConformanceDeparture("ErrorStatus", "$", $"HTTP {answer.StatusCode}, where an invalid request gets a 4xx"));
        }

        var read = await ClientReplay.ReadAsync(plan, answer, Array.Empty<JToken>(), _options.Validation, cancellationToken).ConfigureAwait(false);
        if (read is not OpenAIException error)
        {
            check.Fail("this client does not report the error answer as an OpenAIException: " + (read == null ? "it read it as a success" : OneLine(read.Message)));
            return;
        }

        // This client reads other error shapes leniently; OpenAI's is {"error": {"message", "type", "param", "code"}}.
        if (ErrorShape(answer.Text) is { } departure)
        {
            check.Depart(departure);
        }

        check.Reason = $"HTTP {answer.StatusCode}: {OneLine(error.ErrorMessage ?? error.Message)}";
    }

    private static ConformanceDeparture? ErrorShape(string text)
    {
        JToken body;
        try
        {
            body = LenientJson.ParseStrict(text);
        }
        catch (JsonReaderException)
        {
            return new ConformanceDeparture("ErrorBody", "$", "not JSON, where an error object is expected: " + Snippet(text));
        }

        return body["error"] switch
        {
            null => new ConformanceDeparture("ErrorBody", "$.error", "missing: the body is not an OpenAI error object: " + Snippet(text)),
            JObject error when error["message"]?.Type != JTokenType.String => new ConformanceDeparture("ErrorBody", "$.error.message", "missing (a string is expected)"),
            JObject => null,
            var other => new ConformanceDeparture("ErrorBody", "$.error", $"expected an object (message, type, param, code), found {other.Type.ToString().ToLowerInvariant()}"),
        };
    }

    private static bool IsJson(string? mediaType) =>
        mediaType != null && (mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary><c>#/choices[0].finish_reason</c> (NJsonSchema) as <c>$.choices[0].finish_reason</c>.</summary>
    private static string JsonPath(string path) => path == "#" || path.Length == 0 ? "$" : "$." + path.TrimStart('#', '/');

    private static string Snippet(string text)
    {
        var line = OneLine(text);
        return line.Length == 0 ? "(empty)" : line.Length <= 120 ? line : line.Substring(0, 117) + "...";
    }

    private static string OneLine(string text) => string.Join(" ", text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())).Trim();
}
