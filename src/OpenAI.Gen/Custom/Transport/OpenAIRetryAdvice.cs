using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace OpenAI.Gen;

/// <summary>What an answer says about retrying: whether to, and how long the server asks to wait.</summary>
internal static class OpenAIRetryAdvice
{
    /// <summary>
    /// Whether an answer with <paramref name="statusCode"/> is worth another attempt: 408, 409, 429 and 5xx are; for
    /// any answer but a success, the server's <c>x-should-retry: true|false</c> overrides that.
    /// </summary>
    internal static bool ShouldRetry(int statusCode, IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        // A success is never tried again, whatever its headers say (as in OpenAI's own SDKs).
        if (statusCode is >= 200 and < 300)
        {
            return false;
        }

        var should = Header(headers, "x-should-retry");
        if (string.Equals(should, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(should, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return statusCode is 408 or 409 or 429 || statusCode >= 500;
    }

    /// <summary>
    /// The wait the server asks for: <c>retry-after-ms</c> (milliseconds) first, then <c>Retry-After</c> as seconds or an
    /// HTTP date; null when neither is there or readable. Not capped: see <see cref="Cap"/>.
    /// </summary>
    internal static TimeSpan? RetryAfter(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, DateTimeOffset now)
    {
        if (double.TryParse(Header(headers, "retry-after-ms"), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0 && ms < TimeSpan.MaxValue.TotalMilliseconds)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        var retryAfter = Header(headers, "retry-after");
        if (retryAfter == null)
        {
            return null;
        }

        if (double.TryParse(retryAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(seconds) : null;
        }

        if (DateTimeOffset.TryParseExact(retryAfter, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>A server-asked wait, cut to <paramref name="max"/> so a bad header cannot stall the caller for hours.</summary>
    internal static TimeSpan Cap(TimeSpan wait, TimeSpan max) => wait > max ? max : wait;

    internal static string? Header(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault()?.Trim();
}
