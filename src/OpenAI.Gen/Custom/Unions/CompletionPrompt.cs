using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen;

/// <summary>The union for prompt: a string, strings, tokens or token arrays.</summary>
[JsonConverter(typeof(RawJsonUnionConverter))]
public sealed partial class CompletionPrompt : RawJsonUnion
{
    /// <summary>Wraps a JSON value.</summary>
    public CompletionPrompt(JToken json)
        : base(json)
    {
    }

    /// <summary>A string value.</summary>
    public static implicit operator CompletionPrompt(string value) => new(new JValue(value));
}
