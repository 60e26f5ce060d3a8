namespace OpenAI.Gen;

public partial class ChatCompletionMessageToolCall
{
    /// <summary>Creates the object with <see cref="Type"/> already set to <c>function</c>, the only value the spec allows.</summary>
    public ChatCompletionMessageToolCall()
    {
        Type = ChatCompletionMessageToolCallType.Function;
    }
}
