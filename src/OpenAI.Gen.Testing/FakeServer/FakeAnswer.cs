using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen.Testing;

/// <summary>One example's response, ready to send: one JSON value, or the chunks of a streamed answer.</summary>
internal sealed class FakeAnswer
{
    public FakeAnswer(string title, bool streamed, IReadOnlyList<JToken> values)
    {
        Title = title;
        Streamed = streamed;
        Values = values;
    }

    public string Title { get; }

    /// <summary>Whether the example's request asks for <c>stream: true</c>.</summary>
    public bool Streamed { get; }

    /// <summary>The response values after lenient repairs (elision lines dropped).</summary>
    public IReadOnlyList<JToken> Values { get; }
}
