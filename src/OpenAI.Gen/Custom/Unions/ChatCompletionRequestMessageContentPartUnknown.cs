using Newtonsoft.Json;

namespace OpenAI.Gen;

public partial class ChatCompletionRequestMessageContentPartUnknown
{
    /// <summary>The <c>type</c> this client does not know (e.g. <c>input_audio</c>), read from <see cref="ChatCompletionRequestMessageContentPart.AdditionalProperties"/>.</summary>
    [JsonIgnore]
    public string? Type => UnknownTag.Get(AdditionalProperties, "type");
}
