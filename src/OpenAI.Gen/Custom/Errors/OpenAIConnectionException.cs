using System;

namespace OpenAI.Gen;

/// <summary>
/// The server could not be reached, or the connection broke before the answer was complete (a streamed answer included):
/// there is no HTTP status to report. <see cref="Exception.InnerException"/> holds the transport's error.
/// </summary>
public class OpenAIConnectionException : OpenAIException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was being done when the connection failed.</param>
    /// <param name="innerException">The transport's error.</param>
    public OpenAIConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
