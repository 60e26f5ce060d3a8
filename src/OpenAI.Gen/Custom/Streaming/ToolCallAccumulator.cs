using System.Text;

namespace OpenAI.Gen;

/// <summary>One tool call of a streamed choice: id, type and name from the first fragment that has them, arguments concatenated.</summary>
internal sealed class ToolCallAccumulator
{
    private readonly StringBuilder _arguments = new();
    private string? _id;
    private ChatCompletionMessageToolCallChunkType? _type;
    private string? _name;

    public void Append(ChatCompletionMessageToolCallChunk fragment)
    {
        if (string.IsNullOrEmpty(_id))
        {
            _id = fragment.Id;
        }

        _type ??= fragment.Type;
        if (fragment.Function is { } function)
        {
            if (string.IsNullOrEmpty(_name))
            {
                _name = function.Name;
            }

            _arguments.Append(function.Arguments);
        }
    }

    // Id and name stay null until a fragment brought them; the type defaults to the only one the API has.
    public ChatCompletionMessageToolCall Snapshot() => new()
    {
        Id = _id!,
        Type = ChatCompletionMessageToolCallType.Parse(_type?.Value ?? "function"),
        Function = new ChatCompletionMessageToolCallFunction { Name = _name!, Arguments = _arguments.ToString() },
    };
}
