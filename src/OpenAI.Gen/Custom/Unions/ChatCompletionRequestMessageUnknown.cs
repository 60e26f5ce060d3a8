using Newtonsoft.Json;

namespace OpenAI.Gen;

public partial class ChatCompletionRequestMessageUnknown
{
    /// <summary>The <c>role</c> this client does not know (e.g. <c>developer</c>), read from <see cref="ChatCompletionRequestMessage.AdditionalProperties"/>.</summary>
    [JsonIgnore]
    public string? Role => UnknownTag.Get(AdditionalProperties, "role");
}
