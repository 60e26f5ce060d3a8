using System;
using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json;

namespace OpenAI.Gen;

/// <summary>
/// The <c>tool_choice</c> member: a mode (a JSON string: <c>none</c>, <c>auto</c>, or a mode of a newer server such as
/// <c>required</c>, kept as sent) or a named function the model must call (a JSON object).
/// </summary>
/// <example><code>
/// request.ToolChoice = ChatCompletionToolChoiceOption.Auto;
/// request.ToolChoice = ChatCompletionToolChoiceOption.Function("get_weather");
/// </code></example>
[JsonConverter(typeof(ChatCompletionToolChoiceOptionConverter))]
public sealed class ChatCompletionToolChoiceOption
{
    private const string NoneMode = "none";
    private const string AutoMode = "auto";

    private readonly string? _mode;
    private readonly ChatCompletionNamedToolChoice? _namedTool;

    private ChatCompletionToolChoiceOption(string? mode, ChatCompletionNamedToolChoice? namedTool)
    {
        _mode = mode;
        _namedTool = namedTool;
    }

    /// <summary>The mode <c>none</c>: the model calls no tool.</summary>
    public static ChatCompletionToolChoiceOption None { get; } = new(NoneMode, null);

    /// <summary>The mode <c>auto</c>: the model decides whether to call a tool.</summary>
    public static ChatCompletionToolChoiceOption Auto { get; } = new(AutoMode, null);

    /// <summary>Whether this is a mode, written as a JSON string.</summary>
    public bool IsMode => _mode != null;

    /// <summary>Whether this is the mode <c>none</c>.</summary>
    public bool IsNone => _mode == NoneMode;

    /// <summary>Whether this is the mode <c>auto</c>.</summary>
    public bool IsAuto => _mode == AutoMode;

    /// <summary>Whether this names a function, written as a JSON object.</summary>
    public bool IsNamedTool => _namedTool != null;

    /// <summary>A mode; besides <see cref="None"/> and <see cref="Auto"/>, any mode a newer server accepts.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="mode"/> is null.</exception>
    public static ChatCompletionToolChoiceOption FromMode(string mode) => mode switch
    {
        null => throw new ArgumentNullException(nameof(mode)),
        NoneMode => None,
        AutoMode => Auto,
        _ => new(mode, null),
    };

    /// <summary>Makes the model call the function <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static ChatCompletionToolChoiceOption Function(string name) =>
        new(null, new ChatCompletionNamedToolChoice { Function = new ChatCompletionNamedToolChoiceFunction { Name = name ?? throw new ArgumentNullException(nameof(name)) } });

    /// <summary>Makes the model call the tool <paramref name="namedTool"/> names.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="namedTool"/> is null.</exception>
    public static ChatCompletionToolChoiceOption FromNamedTool(ChatCompletionNamedToolChoice namedTool) =>
        new(null, namedTool ?? throw new ArgumentNullException(nameof(namedTool)));

    /// <summary>Converts a mode (see <see cref="FromMode"/>).</summary>
    public static implicit operator ChatCompletionToolChoiceOption(string mode) => FromMode(mode);

    /// <summary>Converts a named tool (see <see cref="FromNamedTool"/>).</summary>
    public static implicit operator ChatCompletionToolChoiceOption(ChatCompletionNamedToolChoice namedTool) => FromNamedTool(namedTool);

    /// <summary>Gets the mode when this is one.</summary>
    public bool TryGetMode([NotNullWhen(true)] out string? mode)
    {
        mode = _mode;
        return mode != null;
    }

    /// <summary>Gets the named tool when this is one.</summary>
    public bool TryGetNamedTool([NotNullWhen(true)] out ChatCompletionNamedToolChoice? namedTool)
    {
        namedTool = _namedTool;
        return namedTool != null;
    }

    /// <summary>The JSON this is written as.</summary>
    public override string ToString() => JsonConvert.SerializeObject(this);
}
