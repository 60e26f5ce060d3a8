using System.Runtime.Serialization;
using Newtonsoft.Json.Serialization;

namespace OpenAI.Gen;

public partial class ChatCompletionRequestUserMessage
{
    // Newtonsoft counts an empty string as "null" for a required member whose type is not string, and rejects
    // "content": "" after the converter has read it as empty text. Only that error is dismissed; a real null
    // (Content is null) still fails.
    [OnError]
    private void OnReadError(StreamingContext context, ErrorContext error)
    {
        if (error.Member as string == "content" && Content != null && Content.TryGetText(out var text) && text.Length == 0)
        {
            error.Handled = true;
        }
    }
}
