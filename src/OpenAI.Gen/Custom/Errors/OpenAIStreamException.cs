using System;
using System.Collections.Generic;

namespace OpenAI.Gen;

/// <summary>
/// A streamed answer that could not be read to its end: an event whose data is not a valid chunk (the message
/// names the event and quotes an excerpt of its data), a connection lost mid-stream, or a body that is not an
/// event stream. Errors the API itself reports mid-stream are thrown as <see cref="OpenAIException"/>.
/// Chunks yielded before this exception stay valid.
/// </summary>
public class OpenAIStreamException : OpenAIException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="eventNumber">The 1-based number of the event at fault, or of the last event read.</param>
    /// <param name="statusCode">The HTTP status of the streamed answer.</param>
    /// <param name="data">The data of the event at fault (kept in <see cref="OpenAIException.Response"/>), or null.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="innerException">The parser or transport failure, or null.</param>
    public OpenAIStreamException(string message, int eventNumber, int statusCode, string? data, IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : base(message, statusCode, data, headers, innerException)
    {
        EventNumber = eventNumber;
    }

    /// <summary>The 1-based number of the event at fault, or of the last event read before the failure (0: none).</summary>
    public int EventNumber { get; }
}
