using System;

namespace OpenAI.Gen;

/// <example><code>
/// request.ToolChoice = ChatCompletionToolChoiceOption.Auto;
/// request.ToolChoice = ChatCompletionToolChoiceOption.Function("get_weather");
/// </code></example>
public sealed partial class ChatCompletionToolChoiceOption
{
    private const string NoneMode = "none";
    private const string AutoMode = "auto";

    /// <summary>The mode <c>none</c>: the model calls no tool.</summary>
    public static ChatCompletionToolChoiceOption None { get; } = FromMode(NoneMode);

    /// <summary>The mode <c>auto</c>: the model decides whether to call a tool.</summary>
    public static ChatCompletionToolChoiceOption Auto { get; } = FromMode(AutoMode);

    /// <summary>Whether this is the mode <c>none</c>.</summary>
    public bool IsNone => TryGetMode(out var mode) && mode == NoneMode;

    /// <summary>Whether this is the mode <c>auto</c>.</summary>
    public bool IsAuto => TryGetMode(out var mode) && mode == AutoMode;

    /// <summary>Makes the model call the function <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static ChatCompletionToolChoiceOption Function(string name) =>
        FromNamedTool(new ChatCompletionNamedToolChoice { Function = new ChatCompletionNamedToolChoiceFunction { Name = name ?? throw new ArgumentNullException(nameof(name)) } });
}
