using System;
using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>
/// The legacy <c>function_call</c> member (replaced by <c>tool_choice</c>): a mode (a JSON string: <c>none</c>,
/// <c>auto</c>, or another mode a server accepts, kept as sent) or the function the model must call (<c>{"name": …}</c>).
/// </summary>
/// <example><code>request.FunctionCall = ChatCompletionFunctionCallChoice.Function("get_weather");</code></example>
[JsonConverter(typeof(ChatCompletionFunctionCallChoiceConverter))]
public sealed class ChatCompletionFunctionCallChoice
{
    private const string NoneMode = "none";
    private const string AutoMode = "auto";

    private readonly string? _mode;
    private readonly ChatCompletionFunctionCallOption? _function;

    private ChatCompletionFunctionCallChoice(string? mode, ChatCompletionFunctionCallOption? function)
    {
        _mode = mode;
        _function = function;
    }

    /// <summary>The mode <c>none</c>: the model calls no function.</summary>
    public static ChatCompletionFunctionCallChoice None { get; } = new(NoneMode, null);

    /// <summary>The mode <c>auto</c>: the model decides whether to call a function.</summary>
    public static ChatCompletionFunctionCallChoice Auto { get; } = new(AutoMode, null);

    /// <summary>Whether this is a mode, written as a JSON string.</summary>
    public bool IsMode => _mode != null;

    /// <summary>Whether this is the mode <c>none</c>.</summary>
    public bool IsNone => _mode == NoneMode;

    /// <summary>Whether this is the mode <c>auto</c>.</summary>
    public bool IsAuto => _mode == AutoMode;

    /// <summary>Whether this names a function, written as a JSON object.</summary>
    public bool IsFunction => _function != null;

    /// <summary>A mode; besides <see cref="None"/> and <see cref="Auto"/>, any mode a server accepts.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="mode"/> is null.</exception>
    public static ChatCompletionFunctionCallChoice FromMode(string mode) => mode switch
    {
        null => throw new ArgumentNullException(nameof(mode)),
        NoneMode => None,
        AutoMode => Auto,
        _ => new(mode, null),
    };

    /// <summary>Makes the model call the function <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static ChatCompletionFunctionCallChoice Function(string name) =>
        new(null, new ChatCompletionFunctionCallOption { Name = name ?? throw new ArgumentNullException(nameof(name)) });

    /// <summary>Makes the model call the function <paramref name="function"/> names.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is null.</exception>
    public static ChatCompletionFunctionCallChoice FromFunction(ChatCompletionFunctionCallOption function) =>
        new(null, function ?? throw new ArgumentNullException(nameof(function)));

    /// <summary>Converts a mode (see <see cref="FromMode"/>).</summary>
    public static implicit operator ChatCompletionFunctionCallChoice(string mode) => FromMode(mode);

    /// <summary>Converts a named function (see <see cref="FromFunction"/>).</summary>
    public static implicit operator ChatCompletionFunctionCallChoice(ChatCompletionFunctionCallOption function) => FromFunction(function);

    /// <summary>Gets the mode when this is one.</summary>
    public bool TryGetMode([NotNullWhen(true)] out string? mode)
    {
        mode = _mode;
        return mode != null;
    }

    /// <summary>Gets the named function when this is one.</summary>
    public bool TryGetFunction([NotNullWhen(true)] out ChatCompletionFunctionCallOption? function)
    {
        function = _function;
        return function != null;
    }

    /// <summary>The JSON this is written as.</summary>
    public override string ToString() => JsonConvert.SerializeObject(this);
}
