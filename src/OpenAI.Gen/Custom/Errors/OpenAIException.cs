using System;
using System.Collections.Generic;
using System.Net;

namespace OpenAI.Gen;

/// <summary>
/// Every failure of a call: an error answer of the OpenAI API (<see cref="StatusCode"/>, the parsed <c>error</c> object
/// — <see cref="ErrorMessage"/>, <see cref="ErrorType"/>, <see cref="ErrorCode"/>, <see cref="Param"/> — the request id,
/// <see cref="RetryAfter"/> and <see cref="RateLimits"/>), an answer the client could not read, a missing API key, or,
/// as the subclasses <see cref="OpenAITimeoutException"/> and <see cref="OpenAIConnectionException"/>, no complete answer.
/// Holds the answer's headers, never the request's, so never the API key.
/// </summary>
public partial class OpenAIException : Exception
{
    private const int ExcerptLength = 200;
    private const int MaxMessageLength = 2000;

    private static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders = new Dictionary<string, IEnumerable<string>>();

    /// <summary>Creates the exception from an HTTP answer (the generated client calls this).</summary>
    public OpenAIException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : this(message, statusCode, Bounded(response), headers ?? NoHeaders, innerException, ErrorBody.Parse(Bounded(response)))
    {
    }

    // The body is parsed once, whatever its shape, before the base constructor needs the message.

    private OpenAIException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException, ErrorBody error)
        : base(Describe(message, statusCode, response, headers, error), innerException)
    {
        StatusCode = statusCode;
        Response = response;
        Headers = headers;
        RequestId = OpenAIRetryAdvice.Header(Headers, "x-request-id");
        RetryAfter = OpenAIRetryAdvice.RetryAfter(Headers, DateTimeOffset.UtcNow);
        RateLimits = new OpenAIRateLimits(Headers);
        ErrorMessage = error.Message;
        ErrorType = error.Type;
        ErrorCode = error.Code;
        Param = error.Param;
    }

    /// <summary>Creates the exception for a failure without an HTTP answer (<see cref="StatusCode"/> 0).</summary>
    public OpenAIException(string message, Exception? innerException)
        : this(message, 0, null, NoHeaders, innerException)
    {
    }

    /// <summary>The HTTP status code, or 0 when the failure was not an HTTP answer.</summary>
    public int StatusCode { get; }

    /// <summary>The body of the answer as received.</summary>
    public string? Response { get; }

    /// <summary>The answer's headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>The <c>x-request-id</c> header, to quote to OpenAI support.</summary>
    public string? RequestId { get; }

    /// <summary><c>error.message</c> of the body.</summary>
    public string? ErrorMessage { get; }

    /// <summary><c>error.type</c> of the body, e.g. <c>invalid_request_error</c>.</summary>
    public string? ErrorType { get; }

    /// <summary><c>error.code</c> of the body, e.g. <c>rate_limit_exceeded</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary><c>error.param</c> of the body: the request member at fault.</summary>
    public string? Param { get; }

    /// <summary>The wait the server asked for (<c>retry-after-ms</c>, else <c>Retry-After</c>), when it did.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The <c>x-ratelimit-*</c> headers of the answer (members null where absent).</summary>
    public OpenAIRateLimits RateLimits { get; }

    /// <summary>The most of a body an exception keeps: 1 MiB of text (the pipeline reads no more of an error answer).</summary>
    internal const int MaxKeptBody = 1 << 20;

    private static string? Bounded(string? body) =>
        body == null || body.Length <= MaxKeptBody ? body : body.Substring(0, MaxKeptBody) + "…";

    private static string Describe(string message, int statusCode, string? body, IReadOnlyDictionary<string, IEnumerable<string>> headers, ErrorBody error)
    {
        var parts = new List<string>();
        var isErrorStatus = statusCode != 0 && (statusCode < 200 || statusCode > 299);
        if (error.IsKnownShape)
        {
            parts.Add(error.Message is { } said ? Shorten(said, MaxMessageLength) : message);
            foreach (var (key, value) in new[] { ("type", error.Type), ("code", error.Code), ("param", error.Param) })
            {
                if (value != null)
                {
                    parts.Add($"{key}: {Shorten(value, ExcerptLength)}");
                }
            }
        }
        else if (isErrorStatus && body != null)
        {
            // A proxy's HTML page or a compatible server's own error shape: say so, and show how it starts.
            var contentType = OpenAIRetryAdvice.Header(headers, "Content-Type");
            parts.Add(string.IsNullOrWhiteSpace(body)
                ? "the answer has no body"
                : $"the body is not an OpenAI error object ({contentType ?? "no content type"}), it starts: {Excerpt(body!)}");
        }
        else
        {
            parts.Add(message);
            if (!string.IsNullOrWhiteSpace(body))
            {
                parts.Add("body: " + Excerpt(body!));
            }
        }

        if (OpenAIRetryAdvice.Header(headers, "x-request-id") is { } id)
        {
            parts.Add("request id: " + id);
        }

        var text = string.Join("; ", parts);
        if (statusCode == 0)
        {
            return text;
        }

        return Enum.IsDefined(typeof(HttpStatusCode), statusCode) ? $"HTTP {statusCode} ({(HttpStatusCode)statusCode}): {text}" : $"HTTP {statusCode}: {text}";
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text.Substring(0, length) + "…";

    private static string Excerpt(string body)
    {
        // Only the head is looked at: a long body is not split whole to show 200 characters of it.
        var head = body.Length > ExcerptLength * 4 ? body.Substring(0, ExcerptLength * 4) : body;
        var flat = string.Join(" ", head.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length > ExcerptLength || head.Length < body.Length ? flat.Substring(0, Math.Min(flat.Length, ExcerptLength)) + "…" : flat;
    }
}
