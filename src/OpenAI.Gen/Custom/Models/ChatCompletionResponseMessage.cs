namespace OpenAI.Gen;

public partial class ChatCompletionResponseMessage
{
    /// <summary>Creates the object with <see cref="Role"/> already set to <c>assistant</c>, the only value the spec allows.</summary>
    public ChatCompletionResponseMessage()
    {
        Role = ChatCompletionResponseMessageRole.Assistant;
    }
}
