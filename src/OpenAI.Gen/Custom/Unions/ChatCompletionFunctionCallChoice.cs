using System;

namespace OpenAI.Gen;

/// <example><code>request.FunctionCall = ChatCompletionFunctionCallChoice.Function("get_weather");</code></example>
public sealed partial class ChatCompletionFunctionCallChoice
{
    private const string NoneMode = "none";
    private const string AutoMode = "auto";

    /// <summary>The mode <c>none</c>: the model calls no function.</summary>
    public static ChatCompletionFunctionCallChoice None { get; } = FromMode(NoneMode);

    /// <summary>The mode <c>auto</c>: the model decides whether to call a function.</summary>
    public static ChatCompletionFunctionCallChoice Auto { get; } = FromMode(AutoMode);

    /// <summary>Whether this is the mode <c>none</c>.</summary>
    public bool IsNone => TryGetMode(out var mode) && mode == NoneMode;

    /// <summary>Whether this is the mode <c>auto</c>.</summary>
    public bool IsAuto => TryGetMode(out var mode) && mode == AutoMode;

    /// <summary>Makes the model call the function <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static ChatCompletionFunctionCallChoice Function(string name) =>
        FromFunction(new ChatCompletionFunctionCallOption { Name = name ?? throw new ArgumentNullException(nameof(name)) });
}
