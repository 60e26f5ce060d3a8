using System;
using System.Collections.Generic;

namespace OpenAI.Gen;

/// <summary>
/// A successful answer with what the body alone does not tell: the status, the <c>x-request-id</c> to quote to OpenAI
/// support, the rate-limit headers and all other headers. Returned by the <c>…WithResponseAsync</c> methods.
/// </summary>
/// <typeparam name="T">The type of the answer's body.</typeparam>
public sealed class OpenAIResponse<T>
{
    /// <summary>Creates the response.</summary>
    public OpenAIResponse(T value, int statusCode, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        Value = value;
        StatusCode = statusCode;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        RequestId = OpenAIRetryAdvice.Header(headers, "x-request-id");
        RateLimits = new OpenAIRateLimits(headers);
    }

    /// <summary>The answer's body.</summary>
    public T Value { get; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The <c>x-request-id</c> header, when the server sent one.</summary>
    public string? RequestId { get; }

    /// <summary>The <c>x-ratelimit-*</c> headers (members null where absent).</summary>
    public OpenAIRateLimits RateLimits { get; }

    /// <summary>The answer's headers (response and content headers).</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }
}
