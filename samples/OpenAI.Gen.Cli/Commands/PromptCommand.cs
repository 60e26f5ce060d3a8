using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen.Cli.Commands;

/// <summary>
/// The flow <c>chat</c> and <c>complete</c> share: parse the prompt and options, open the connection, write the first
/// choice's text as it streams in (or whole with <c>--no-stream</c>), note an unusual finish reason, report errors.
/// </summary>
public abstract class PromptCommand : ICliCommand
{
    private readonly Func<string, string?> _environment;

    /// <summary>Creates the command; <paramref name="environment"/> reads environment variables (the process's by default).</summary>
    protected PromptCommand(Func<string, string?>? environment)
    {
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string Usage { get; }

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

        try
        {
            string? finishReason;
            if (arguments.Stream)
            {
                finishReason = null;
                await foreach (var (text, reason) in StreamAsync(connection.Client, arguments, cancellationToken).ConfigureAwait(false))
                {
                    if (!string.IsNullOrEmpty(text))
                    {
                        await output.WriteAsync(text).ConfigureAwait(false);
                        await output.FlushAsync().ConfigureAwait(false);
                    }

                    finishReason = reason ?? finishReason;
                }
            }
            else
            {
                (var text, finishReason) = await AnswerAsync(connection.Client, arguments, cancellationToken).ConfigureAwait(false);
                await output.WriteAsync(text).ConfigureAwait(false);
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

    /// <summary>Streams the answer to <paramref name="arguments"/>: per chunk, the first choice's text fragment and finish reason (null until it ends).</summary>
    protected abstract IAsyncEnumerable<(string? Text, string? FinishReason)> StreamAsync(OpenAIClient client, ApiArguments arguments, CancellationToken cancellationToken);

    /// <summary>Asks for the whole answer to <paramref name="arguments"/>: the first choice's text and finish reason.</summary>
    protected abstract Task<(string? Text, string? FinishReason)> AnswerAsync(OpenAIClient client, ApiArguments arguments, CancellationToken cancellationToken);
}
