using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>One example's response, ready to send: one JSON value, or the chunks of a streamed answer.</summary>
internal sealed class FakeAnswer
{
    public FakeAnswer(string title, bool streamed, IReadOnlyList<JToken> values, JToken? request = null, bool elided = false, JObject? usage = null)
    {
        Title = title;
        Streamed = streamed;
        Values = values;
        Request = request;
        Elided = elided;
        Usage = usage ?? (!streamed && values.Count == 1 ? values[0]["usage"] as JObject : null);
    }

    public string Title { get; }

    /// <summary>Whether the example's request asks for <c>stream: true</c>.</summary>
    public bool Streamed { get; }

    /// <summary>The response values after lenient repairs (elision lines dropped).</summary>
    public IReadOnlyList<JToken> Values { get; }

    /// <summary>The example's request body, or null when it has none.</summary>
    public JToken? Request { get; }

    /// <summary>Whether the example's text elides values (a line of dots).</summary>
    public bool Elided { get; }

    /// <summary>
    /// The token counts a streamed answer ends with when the request asks <c>stream_options.include_usage</c>: a whole
    /// answer's own <c>usage</c>; for a streaming example, that of the whole answer to the same request.
    /// </summary>
    public JObject? Usage { get; }

    /// <summary>The same answer with <paramref name="values"/> instead, no longer elided.</summary>
    public FakeAnswer With(IReadOnlyList<JToken> values) => new(Title, Streamed, values, Request, usage: Usage);

    /// <summary>The same answer ending with <paramref name="usage"/>.</summary>
    public FakeAnswer WithUsage(JObject? usage) => new(Title, Streamed, Values, Request, Elided, usage);
}
