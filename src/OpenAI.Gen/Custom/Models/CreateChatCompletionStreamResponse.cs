namespace OpenAI.Gen;

public partial class CreateChatCompletionStreamResponse
{
    /// <summary>Creates the object with <see cref="Object"/> already set to <c>chat.completion.chunk</c>, the only value the spec allows.</summary>
    public CreateChatCompletionStreamResponse()
    {
        Object = CreateChatCompletionStreamResponseObject.ChatCompletionChunk;
    }
}
