using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen.Cli.Commands;

/// <summary>
/// <c>complete "prompt" [--model M] [--base-url URL] [--no-stream]</c>: sends a prompt to the legacy completions endpoint
/// and writes the completion to stdout as it streams in (or whole with <c>--no-stream</c>).
/// </summary>
public sealed class CompleteCommand : ICliCommand
{
    /// <summary>The model asked when <c>--model</c> is not given.</summary>
    public const string DefaultModel = "gpt-3.5-turbo-instruct";

    private readonly Func<string, string?> _environment;

    /// <summary>Creates the command; <paramref name="environment"/> reads environment variables (the process's by default).</summary>
    public CompleteCommand(Func<string, string?>? environment = null)
    {
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <inheritdoc />
    public string Name => "complete";

    /// <inheritdoc />
    public string Usage =>
        $"complete \"prompt\" {ApiArguments.OptionsUsage}\n" +
        $"    streams a legacy completion (/completions, model default {DefaultModel}); offline like chat";

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

        using var connection = ApiConnection.Open(arguments.BaseUrl, _environment, error);
        if (connection == null)
        {
            return 2;
        }

        var request = new CreateCompletionRequest { Model = arguments.Model ?? DefaultModel, Prompt = arguments.Prompt };
        try
        {
            string? finishReason;
            if (arguments.Stream)
            {
                finishReason = null;
                await foreach (var chunk in connection.Client.CreateCompletionStreamAsync(request, cancellationToken).ConfigureAwait(false))
                {
                    var choice = chunk.Choices.FirstOrDefault(c => c.Index == 0);
                    if (!string.IsNullOrEmpty(choice?.Text))
                    {
                        await output.WriteAsync(choice!.Text).ConfigureAwait(false);
                        await output.FlushAsync().ConfigureAwait(false);
                    }

                    finishReason = choice?.FinishReason?.Value ?? finishReason;
                }
            }
            else
            {
                var response = await connection.Client.CreateCompletionAsync(request, cancellationToken).ConfigureAwait(false);
                var choice = response.Choices.FirstOrDefault(c => c.Index == 0);
                await output.WriteAsync(choice?.Text).ConfigureAwait(false);
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
