using System;

namespace OpenAI.Gen;

/// <summary>
/// No complete answer within <see cref="OpenAIClientOptions.Timeout"/> (or within the caller's
/// <see cref="System.Net.Http.HttpClient.Timeout"/>), on the last attempt, or a streamed answer that stalled that long.
/// The caller's own cancellation raises <see cref="OperationCanceledException"/> instead.
/// </summary>
public class OpenAITimeoutException : OpenAIException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What timed out, and after how long.</param>
    /// <param name="timeout">The time limit that ran out.</param>
    /// <param name="innerException">The cancellation that ended the attempt.</param>
    public OpenAITimeoutException(string message, TimeSpan timeout, Exception? innerException)
        : base(message, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The time limit that ran out.</summary>
    public TimeSpan Timeout { get; }
}
