namespace OpenAI.Gen.Testing;

/// <summary>What one conformance check concluded about a server's answer.</summary>
public enum ConformanceVerdict
{
    /// <summary>The answer (every chunk of a stream) matches the spec's schema and reads through this client.</summary>
    Pass,

    /// <summary>This client reads the answer, but it breaks the spec: see <see cref="ConformanceCheck.Departures"/>.</summary>
    Departs,

    /// <summary>No answer, a transport or event-stream framing error, an answer this client cannot read, or an invalid request accepted.</summary>
    Fail,

    /// <summary>Not run: the spec in use lacks what the check needs (e.g. <c>stream_options</c>); the reason says what.</summary>
    Skipped,
}
