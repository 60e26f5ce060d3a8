namespace OpenAI.Gen;

public partial class ChatCompletionNamedToolChoice
{
    /// <summary>Creates the object with <see cref="Type"/> already set to <c>function</c>, the only value the spec allows.</summary>
    public ChatCompletionNamedToolChoice()
    {
        Type = ChatCompletionNamedToolChoiceType.Function;
    }
}
