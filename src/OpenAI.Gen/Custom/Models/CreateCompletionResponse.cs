namespace OpenAI.Gen;

public partial class CreateCompletionResponse
{
    /// <summary>Creates the object with <see cref="Object"/> already set to <c>text_completion</c>, the only value the spec allows.</summary>
    public CreateCompletionResponse()
    {
        Object = CreateCompletionResponseObject.TextCompletion;
    }
}
