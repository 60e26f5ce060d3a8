using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>One example's response, ready to send: one JSON value, or the chunks of a streamed answer.</summary>
internal sealed class FakeAnswer
{
    public FakeAnswer(string title, bool streamed, IReadOnlyList<JToken> values, JToken? request = null, bool elided = false)
    {
        Title = title;
        Streamed = streamed;
        Values = values;
        Request = request;
        Elided = elided;
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

    /// <summary>The same answer with <paramref name="values"/> instead, no longer elided.</summary>
    public FakeAnswer With(IReadOnlyList<JToken> values) => new(Title, Streamed, values, Request);
}
