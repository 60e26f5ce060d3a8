using System;
using Microsoft.Extensions.Logging;

namespace OpenAI.Gen;

/// <summary>
/// The client's log lines, defined once (no formatting cost when the level is off). They carry the target (method, host,
/// path), status, request id, duration and attempt numbers — never a header value, so never the API key.
/// </summary>
internal static class OpenAILog
{
    private static readonly Action<ILogger, string, int, int, Exception?> SendingDefinition = LoggerMessage.Define<string, int, int>(
        LogLevel.Debug, new EventId(1, "Sending"), "Sending {Target}, attempt {Attempt} of {MaxAttempts}");

    private static readonly Action<ILogger, string, int, string, double, int, Exception?> AnsweredDefinition = LoggerMessage.Define<string, int, string, double, int>(
        LogLevel.Information, new EventId(2, "Answered"), "{Target} answered {StatusCode} (request id {RequestId}) in {ElapsedMs} ms, attempt {Attempt}");

    private static readonly Action<ILogger, string, int, string, double, Exception?> RetryingDefinition = LoggerMessage.Define<string, int, string, double>(
        LogLevel.Warning, new EventId(3, "Retrying"), "{Target} attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms");

    private static readonly Action<ILogger, string, int, string, Exception?> GaveUpDefinition = LoggerMessage.Define<string, int, string>(
        LogLevel.Warning, new EventId(4, "GaveUp"), "{Target} failed after {Attempts} attempt(s): {Reason}");

    private static readonly Action<ILogger, string, Exception?> InsecureBaseUrlDefinition = LoggerMessage.Define<string>(
        LogLevel.Warning, new EventId(5, "InsecureBaseUrl"), "BaseUrl {Server} is plain http:// to another host than this one: the API key and the prompts cross the network unencrypted");

    internal static void InsecureBaseUrl(ILogger logger, string server) => InsecureBaseUrlDefinition(logger, server, null);

    internal static void Sending(ILogger logger, string target, int attempt, int maxAttempts) => SendingDefinition(logger, target, attempt, maxAttempts, null);

    internal static void Answered(ILogger logger, string target, int statusCode, string? requestId, TimeSpan elapsed, int attempt) =>
        AnsweredDefinition(logger, target, statusCode, requestId ?? "none", Math.Round(elapsed.TotalMilliseconds, 1), attempt, null);

    internal static void Retrying(ILogger logger, string target, int attempt, string reason, TimeSpan delay) =>
        RetryingDefinition(logger, target, attempt, reason, Math.Round(delay.TotalMilliseconds, 1), null);

    internal static void GaveUp(ILogger logger, string target, int attempts, string reason) => GaveUpDefinition(logger, target, attempts, reason, null);
}
