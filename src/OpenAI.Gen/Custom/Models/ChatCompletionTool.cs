namespace OpenAI.Gen;

public partial class ChatCompletionTool
{
    /// <summary>Creates the object with <see cref="Type"/> already set to <c>function</c>, the only value the spec allows.</summary>
    public ChatCompletionTool()
    {
        Type = ChatCompletionToolType.Function;
    }
}
