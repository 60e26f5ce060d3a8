using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen;

/// <summary>The union for tool_choice: none, auto or a named function.</summary>
[JsonConverter(typeof(RawJsonUnionConverter))]
public sealed partial class ChatCompletionToolChoiceOption : RawJsonUnion
{
    /// <summary>Wraps a JSON value.</summary>
    public ChatCompletionToolChoiceOption(JToken json)
        : base(json)
    {
    }

    /// <summary>A string value.</summary>
    public static implicit operator ChatCompletionToolChoiceOption(string value) => new(new JValue(value));
}
