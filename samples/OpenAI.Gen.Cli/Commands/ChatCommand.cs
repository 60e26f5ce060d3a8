using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen.Cli.Commands;

/// <summary>
/// <c>chat "prompt" [--model M] [--base-url URL] [--no-stream]</c>: sends one user message to chat completions and writes
/// the answer to stdout, token by token as it streams in (or whole with <c>--no-stream</c>).
/// </summary>
public sealed class ChatCommand : ICliCommand
{
    /// <summary>The model asked when <c>--model</c> is not given.</summary>
    public const string DefaultModel = "gpt-4o-mini";

    private readonly Func<string, string?> _environment;

    /// <summary>Creates the command; <paramref name="environment"/> reads environment variables (the process's by default).</summary>
    public ChatCommand(Func<string, string?>? environment = null)
    {
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <inheritdoc />
    public string Name => "chat";

    /// <inheritdoc />
    public string Usage =>
        $"chat \"prompt\" {ApiArguments.OptionsUsage}\n" +
        $"    streams the answer of chat completions (model default {DefaultModel}); offline from the spec's examples without OPENAI_API_KEY and --base-url";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var arguments = ApiArguments.Parse(args, out var problem);
        if (arguments == null)
        {
            error.WriteLine(problem);
            error.WriteLine("usage: openai-gen " + Usage);
            return 2;
        }

        var request = new CreateChatCompletionRequest
        {
            Model = arguments.Model ?? DefaultModel,
            Messages = { ChatMessage.User(arguments.Prompt) },
        };
        using var connection = ApiConnection.Open(arguments.BaseUrl, _environment, error);
        if (connection == null)
        {
            return 2;
        }

        try
        {
            string? finishReason;
            if (arguments.Stream)
            {
                finishReason = null;
                await foreach (var chunk in connection.Client.CreateChatCompletionStreamAsync(request, cancellationToken).ConfigureAwait(false))
                {
                    var choice = chunk.Choices.FirstOrDefault(c => c.Index == 0);
                    if (!string.IsNullOrEmpty(choice?.Delta?.Content))
                    {
                        await output.WriteAsync(choice!.Delta.Content).ConfigureAwait(false);
                        await output.FlushAsync().ConfigureAwait(false);
                    }

                    finishReason = choice?.FinishReason?.Value ?? finishReason;
                }
            }
            else
            {
                var response = await connection.Client.CreateChatCompletionAsync(request, cancellationToken).ConfigureAwait(false);
                var choice = response.Choices.FirstOrDefault(c => c.Index == 0);
                await output.WriteAsync(choice?.Message?.Content).ConfigureAwait(false);
                finishReason = choice?.FinishReason?.Value;
            }

            await output.WriteLineAsync().ConfigureAwait(false);
            ApiErrors.NoteFinishReason(finishReason, error);
            return 0;
        }
        catch (OpenAIException e)
        {
            await output.FlushAsync().ConfigureAwait(false);
            return ApiErrors.Report(e, error);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ApiErrors.Cancelled(error);
        }
    }
}
