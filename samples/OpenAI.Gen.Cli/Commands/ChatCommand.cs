using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen.Cli.Commands;

/// <summary>
/// <c>chat "prompt" [--model M] [--base-url URL] [--no-stream]</c>: sends one user message to chat completions and writes
/// the answer to stdout, token by token as it streams in (or whole with <c>--no-stream</c>).
/// </summary>
public sealed class ChatCommand : PromptCommand
{
    /// <summary>The model asked when <c>--model</c> is not given.</summary>
    public const string DefaultModel = "gpt-4o-mini";

    /// <summary>Creates the command; <paramref name="environment"/> reads environment variables (the process's by default).</summary>
    public ChatCommand(Func<string, string?>? environment = null)
        : base(environment)
    {
    }

    /// <inheritdoc />
    public override string Name => "chat";

    /// <inheritdoc />
    public override string Usage =>
        $"chat \"prompt\" {ApiArguments.OptionsUsage}\n" +
        $"    streams the answer of chat completions (model default {DefaultModel}); offline from the spec's examples without OPENAI_API_KEY and --base-url";

    /// <inheritdoc />
    protected override async IAsyncEnumerable<(string? Text, string? FinishReason)> StreamAsync(
        OpenAIClient client, ApiArguments arguments, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chunk in client.CreateChatCompletionStreamAsync(CreateRequest(arguments), cancellationToken).ConfigureAwait(false))
        {
            var choice = chunk.Choices.FirstOrDefault(c => c.Index == 0);
            yield return (choice?.Delta?.Content, choice?.FinishReason?.Value);
        }
    }

    /// <inheritdoc />
    protected override async Task<(string? Text, string? FinishReason)> AnswerAsync(OpenAIClient client, ApiArguments arguments, CancellationToken cancellationToken)
    {
        var response = await client.CreateChatCompletionAsync(CreateRequest(arguments), cancellationToken).ConfigureAwait(false);
        var choice = response.Choices.FirstOrDefault(c => c.Index == 0);
        return (choice?.Message?.Content, choice?.FinishReason?.Value);
    }

    private static CreateChatCompletionRequest CreateRequest(ApiArguments arguments) => new()
    {
        Model = arguments.Model ?? DefaultModel,
        Messages = { ChatMessage.User(arguments.Prompt) },
    };
}
