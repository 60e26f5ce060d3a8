using System;
using System.Collections.Generic;
using System.Globalization;

namespace OpenAI.Gen;

/// <summary>
/// The <c>x-ratelimit-*</c> headers of an answer, each null when the server did not send it or sent something
/// unreadable (the raw value stays in the headers).
/// </summary>
public sealed class OpenAIRateLimits
{
    /// <summary>Creates the limits from answer headers (names compared case-insensitively).</summary>
    public OpenAIRateLimits(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        if (headers == null)
        {
            throw new ArgumentNullException(nameof(headers));
        }

        LimitRequests = Number(headers, "x-ratelimit-limit-requests");
        LimitTokens = Number(headers, "x-ratelimit-limit-tokens");
        RemainingRequests = Number(headers, "x-ratelimit-remaining-requests");
        RemainingTokens = Number(headers, "x-ratelimit-remaining-tokens");
        ResetRequests = Duration(OpenAIRetryAdvice.Header(headers, "x-ratelimit-reset-requests"));
        ResetTokens = Duration(OpenAIRetryAdvice.Header(headers, "x-ratelimit-reset-tokens"));
    }

    /// <summary><c>x-ratelimit-limit-requests</c>: requests allowed per window.</summary>
    public long? LimitRequests { get; }

    /// <summary><c>x-ratelimit-limit-tokens</c>: tokens allowed per window.</summary>
    public long? LimitTokens { get; }

    /// <summary><c>x-ratelimit-remaining-requests</c>: requests left in the window.</summary>
    public long? RemainingRequests { get; }

    /// <summary><c>x-ratelimit-remaining-tokens</c>: tokens left in the window.</summary>
    public long? RemainingTokens { get; }

    /// <summary><c>x-ratelimit-reset-requests</c> (e.g. <c>1s</c>, <c>6m0s</c>): time until the request limit resets.</summary>
    public TimeSpan? ResetRequests { get; }

    /// <summary><c>x-ratelimit-reset-tokens</c> (e.g. <c>20ms</c>): time until the token limit resets.</summary>
    public TimeSpan? ResetTokens { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"requests {RemainingRequests?.ToString(CultureInfo.InvariantCulture) ?? "?"}/{LimitRequests?.ToString(CultureInfo.InvariantCulture) ?? "?"} (reset {ResetRequests?.ToString() ?? "?"}), " +
        $"tokens {RemainingTokens?.ToString(CultureInfo.InvariantCulture) ?? "?"}/{LimitTokens?.ToString(CultureInfo.InvariantCulture) ?? "?"} (reset {ResetTokens?.ToString() ?? "?"})";

    private static long? Number(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, string name) =>
        long.TryParse(OpenAIRetryAdvice.Header(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Reads a Go-style duration such as <c>1h2m3.5s</c>, <c>6m0s</c> or <c>20ms</c>.</summary>
    internal static TimeSpan? Duration(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var total = 0.0;
        var i = 0;
        while (i < text!.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            if (i == start || !double.TryParse(text.Substring(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            var unitStart = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            double? milliseconds = text.Substring(unitStart, i - unitStart) switch
            {
                "h" => 3_600_000,
                "m" => 60_000,
                "s" => 1_000,
                "ms" => 1,
                "us" or "µs" => 0.001,
                "ns" => 0.000_001,
                _ => null,
            };
            if (milliseconds == null)
            {
                return null;
            }

            total += number * milliseconds.Value;
        }

        return total < TimeSpan.MaxValue.TotalMilliseconds ? TimeSpan.FromMilliseconds(total) : null;
    }
}
