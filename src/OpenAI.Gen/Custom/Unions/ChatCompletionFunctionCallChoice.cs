using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen;

/// <summary>The union for legacy function_call: none, auto or a named function.</summary>
[JsonConverter(typeof(RawJsonUnionConverter))]
public sealed partial class ChatCompletionFunctionCallChoice : RawJsonUnion
{
    /// <summary>Wraps a JSON value.</summary>
    public ChatCompletionFunctionCallChoice(JToken json)
        : base(json)
    {
    }

    /// <summary>A string value.</summary>
    public static implicit operator ChatCompletionFunctionCallChoice(string value) => new(new JValue(value));
}
