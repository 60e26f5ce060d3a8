using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace OpenAI.Gen;

/// <summary>One choice (by index) of a streamed chat completion, folded from its deltas.</summary>
internal sealed class ChatChoiceAccumulator
{
    private readonly int _index;
    private readonly SortedDictionary<int, ToolCallAccumulator> _toolCalls = new();
    private readonly DeltaMemberAccumulator _otherMembers = new();
    private ChatCompletionStreamResponseDeltaRole? _role;
    private StringBuilder? _content;
    private bool _hasFunctionCall;
    private string? _functionName;
    private StringBuilder? _functionArguments;
    private bool _hasLogprobs;
    private List<ChatCompletionTokenLogprob>? _logprobTokens;
    private CreateChatCompletionStreamResponseChoiceFinishReason? _finishReason;

    public ChatChoiceAccumulator(int index)
    {
        _index = index;
    }

    public void Append(CreateChatCompletionStreamResponseChoice choice)
    {
        if (choice.Delta is { } delta)
        {
            _role ??= delta.Role;
            if (delta.Content != null)
            {
                (_content ??= new StringBuilder()).Append(delta.Content);
            }

            foreach (var fragment in delta.ToolCalls ?? Enumerable.Empty<ChatCompletionMessageToolCallChunk>())
            {
                if (!_toolCalls.TryGetValue(fragment.Index, out var call))
                {
                    _toolCalls.Add(fragment.Index, call = new ToolCallAccumulator());
                }

                call.Append(fragment);
            }

#pragma warning disable CS0612, CS0618 // function_call is deprecated, yet older models still stream it.
            if (delta.FunctionCall is { } functionCall)
#pragma warning restore CS0612, CS0618
            {
                _hasFunctionCall = true;
                if (string.IsNullOrEmpty(_functionName))
                {
                    _functionName = functionCall.Name;
                }

                (_functionArguments ??= new StringBuilder()).Append(functionCall.Arguments);
            }

            _otherMembers.Append(delta.AdditionalProperties);
        }

        if (choice.Logprobs is { } logprobs)
        {
            _hasLogprobs = true;
            if (logprobs.Content != null)
            {
                (_logprobTokens ??= new List<ChatCompletionTokenLogprob>()).AddRange(logprobs.Content);
            }
        }

        _finishReason = choice.FinishReason ?? _finishReason;
    }

    public CreateChatCompletionResponseChoice Snapshot()
    {
        // Chat completions answer as the assistant; the first delta says so, a stream that never did still is one.
        var message = new ChatCompletionResponseMessage
        {
            Role = ChatCompletionResponseMessageRole.Parse(_role?.Value ?? "assistant"),
            Content = _content?.ToString(),
        };

        if (_toolCalls.Count > 0)
        {
            message.ToolCalls = _toolCalls.Values.Select(call => call.Snapshot()).ToList();
        }

        if (_hasFunctionCall)
        {
#pragma warning disable CS0612, CS0618 // function_call is deprecated, yet older models still stream it.
            message.FunctionCall = new ChatCompletionResponseMessageFunctionCall { Name = _functionName!, Arguments = _functionArguments?.ToString() ?? string.Empty };
#pragma warning restore CS0612, CS0618
        }

        _otherMembers.CopyTo(message);
        return new CreateChatCompletionResponseChoice
        {
            Index = _index,
            Message = message,
            Logprobs = _hasLogprobs ? new CreateChatCompletionResponseChoiceLogprobs { Content = _logprobTokens?.ToList() } : null,

            // Null until the choice's last chunk arrived.
            FinishReason = _finishReason == null ? null! : CreateChatCompletionResponseChoiceFinishReason.Parse(_finishReason.Value),
        };
    }
}
