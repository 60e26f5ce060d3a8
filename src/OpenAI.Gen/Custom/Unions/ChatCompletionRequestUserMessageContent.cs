using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace OpenAI.Gen;

/// <summary>The union for user message content: a string or content parts.</summary>
[JsonConverter(typeof(RawJsonUnionConverter))]
public sealed partial class ChatCompletionRequestUserMessageContent : RawJsonUnion
{
    /// <summary>Wraps a JSON value.</summary>
    public ChatCompletionRequestUserMessageContent(JToken json)
        : base(json)
    {
    }

    /// <summary>A string value.</summary>
    public static implicit operator ChatCompletionRequestUserMessageContent(string value) => new(new JValue(value));
}
