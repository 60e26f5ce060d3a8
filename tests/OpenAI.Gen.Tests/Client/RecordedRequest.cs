using System.Collections.Generic;

namespace OpenAI.Gen.Tests.Client;

/// <summary>A request as the scripted server received it.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path, e.g. <c>/v1/chat/completions</c>.</param>
/// <param name="Headers">Header values (several values joined with ", "), names case-insensitive.</param>
/// <param name="Body">Body text.</param>
/// <param name="ReceivedAt">Stopwatch timestamp of arrival.</param>
/// <param name="Query">The query string without its <c>?</c>, or empty.</param>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, long ReceivedAt, string Query = "")
{
    /// <summary>A header value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
