using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace OpenAI.Gen;

/// <summary>One choice (by index) of a streamed legacy completion: text concatenated, logprob lists appended, last finish reason.</summary>
internal sealed class CompletionChoiceAccumulator
{
    private readonly int _index;
    private readonly StringBuilder _text = new();
    private CreateCompletionResponseChoiceFinishReason? _finishReason;
    private bool _hasLogprobs;
    private List<int>? _textOffset;
    private List<double>? _tokenLogprobs;
    private List<string>? _tokens;
    private List<IDictionary<string, double>>? _topLogprobs;

    public CompletionChoiceAccumulator(int index)
    {
        _index = index;
    }

    public void Append(CreateCompletionResponseChoice choice)
    {
        _text.Append(choice.Text);

        // Null in every chunk but the choice's last (the stream serializer lets it be).
        _finishReason = choice.FinishReason ?? _finishReason;
        if (choice.Logprobs is { } logprobs)
        {
            _hasLogprobs = true;
            AppendTo(ref _textOffset, logprobs.TextOffset);
            AppendTo(ref _tokenLogprobs, logprobs.TokenLogprobs);
            AppendTo(ref _tokens, logprobs.Tokens);
            AppendTo(ref _topLogprobs, logprobs.TopLogprobs);
        }
    }

    public CreateCompletionResponseChoice Snapshot() => new()
    {
        Index = _index,
        Text = _text.ToString(),
        FinishReason = _finishReason!,
        Logprobs = _hasLogprobs ? SnapshotLogprobs() : null,
    };

    private static void AppendTo<T>(ref List<T>? target, IList<T>? items)
    {
        if (items != null)
        {
            (target ??= new List<T>()).AddRange(items);
        }
    }

    // Only the lists some chunk sent are set, so the snapshot writes what the server wrote.
    private CreateCompletionResponseChoiceLogprobs SnapshotLogprobs()
    {
        var logprobs = new CreateCompletionResponseChoiceLogprobs();
        if (_textOffset != null)
        {
            logprobs.TextOffset = _textOffset.ToList();
        }

        if (_tokenLogprobs != null)
        {
            logprobs.TokenLogprobs = _tokenLogprobs.ToList();
        }

        if (_tokens != null)
        {
            logprobs.Tokens = _tokens.ToList();
        }

        if (_topLogprobs != null)
        {
            logprobs.TopLogprobs = _topLogprobs.ToList();
        }

        return logprobs;
    }
}
