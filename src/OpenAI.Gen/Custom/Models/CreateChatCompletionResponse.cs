namespace OpenAI.Gen;

public partial class CreateChatCompletionResponse
{
    /// <summary>Creates the object with <see cref="Object"/> already set to <c>chat.completion</c>, the only value the spec allows.</summary>
    public CreateChatCompletionResponse()
    {
        Object = CreateChatCompletionResponseObject.ChatCompletion;
    }
}
