using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen.Cli.Commands;

/// <summary>
/// <c>complete "prompt" [--model M] [--base-url URL] [--no-stream]</c>: sends a prompt to the legacy completions endpoint
/// and writes the completion to stdout as it streams in (or whole with <c>--no-stream</c>).
/// </summary>
public sealed class CompleteCommand : PromptCommand
{
    /// <summary>The model asked when <c>--model</c> is not given.</summary>
    public const string DefaultModel = "gpt-3.5-turbo-instruct";

    /// <summary>Creates the command; <paramref name="environment"/> reads environment variables (the process's by default).</summary>
    public CompleteCommand(Func<string, string?>? environment = null)
        : base(environment)
    {
    }

    /// <inheritdoc />
    public override string Name => "complete";

    /// <inheritdoc />
    public override string Usage =>
        $"complete \"prompt\" {ApiArguments.OptionsUsage}\n" +
        $"    streams a legacy completion (/completions, model default {DefaultModel}); offline like chat";

    /// <inheritdoc />
    protected override async IAsyncEnumerable<(string? Text, string? FinishReason)> StreamAsync(
        OpenAIClient client, ApiArguments arguments, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chunk in client.CreateCompletionStreamAsync(CreateRequest(arguments), cancellationToken).ConfigureAwait(false))
        {
            var choice = chunk.Choices.FirstOrDefault(c => c.Index == 0);
            yield return (choice?.Text, choice?.FinishReason?.Value);
        }
    }

    /// <inheritdoc />
    protected override async Task<(string? Text, string? FinishReason)> AnswerAsync(OpenAIClient client, ApiArguments arguments, CancellationToken cancellationToken)
    {
        var response = await client.CreateCompletionAsync(CreateRequest(arguments), cancellationToken).ConfigureAwait(false);
        var choice = response.Choices.FirstOrDefault(c => c.Index == 0);
        return (choice?.Text, choice?.FinishReason?.Value);
    }

    private static CreateCompletionRequest CreateRequest(ApiArguments arguments) => new() { Model = arguments.Model ?? DefaultModel, Prompt = arguments.Prompt };
}
