using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using OpenAI.Gen.Cli;
using OpenAI.Gen.Cli.Commands;

namespace OpenAI.Gen.Tests.Cli;

/// <summary>Runs a CLI command in-process with a given environment and captures its exit code, stdout and stderr.</summary>
internal static class CliRun
{
    /// <summary>No OPENAI_* variable set: the offline case.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    public static Task<(int Exit, string Output, string Error)> Chat(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Run(new ChatCommand(Lookup(environment)), args, new StringWriter());

    public static Task<(int Exit, string Output, string Error)> Complete(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Run(new CompleteCommand(Lookup(environment)), args, new StringWriter());

    /// <summary>Runs <paramref name="command"/> writing stdout to <paramref name="output"/>.</summary>
    public static async Task<(int Exit, string Output, string Error)> Run(ICliCommand command, string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var error = new StringWriter();
        var exit = await command.RunAsync(args, output, error, cancellationToken);
        return (exit, output.ToString()!, error.ToString());
    }

    public static Func<string, string?> Lookup(IReadOnlyDictionary<string, string> environment) =>
        name => environment.TryGetValue(name, out var value) ? value : null;
}
