using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

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

    private static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders = new Dictionary<string, IEnumerable<string>>();

    /// <summary>Creates the exception from an HTTP answer (the generated client calls this).</summary>
    public OpenAIException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : base(Describe(message, statusCode, response, headers ?? NoHeaders), innerException)
    {
        StatusCode = statusCode;
        Response = response;
        Headers = headers ?? NoHeaders;
        RequestId = OpenAIRetryAdvice.Header(Headers, "x-request-id");
        RetryAfter = OpenAIRetryAdvice.RetryAfter(Headers, DateTimeOffset.UtcNow);
        RateLimits = new OpenAIRateLimits(Headers);
        var error = ParseError(response);
        ErrorMessage = (string?)error?["message"];
        ErrorType = (string?)error?["type"];
        ErrorCode = Scalar(error?["code"]);
        Param = Scalar(error?["param"]);
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

    private static string? Scalar(JToken? token) => token is JValue { Value: not null } value ? value.ToString(CultureInfo.InvariantCulture) : null;

    private static JObject? ParseError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JToken.Parse(body!) is JObject root ? root["error"] as JObject : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(string message, int statusCode, string? body, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        var error = ParseError(body);
        var parts = new List<string>();
        var isErrorStatus = statusCode != 0 && (statusCode < 200 || statusCode > 299);
        if (error != null)
        {
            parts.Add((string?)error["message"] ?? message);
            foreach (var key in new[] { "type", "code", "param" })
            {
                if (Scalar(error[key]) is { } value)
                {
                    parts.Add($"{key}: {value}");
                }
            }
        }
        else if (isErrorStatus)
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

    private static string Excerpt(string body)
    {
        var flat = string.Join(" ", body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length > ExcerptLength ? flat.Substring(0, ExcerptLength) + "…" : flat;
    }
}
