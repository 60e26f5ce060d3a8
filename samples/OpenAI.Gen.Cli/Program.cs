using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OpenAI.Gen.Cli.Commands;

namespace OpenAI.Gen.Cli;

/// <summary>Entry point: <c>openai-gen &lt;command&gt; [arguments]</c>.</summary>
public static class Program
{
    /// <summary>Every command; add a new one here.</summary>
    private static readonly ICliCommand[] Commands =
    {
        new ChatCommand(),
        new CompleteCommand(),
        new ValidateExamplesCommand(),
        new ConformanceCommand(),
    };

    /// <summary>Dispatches to the command named by the first argument.</summary>
    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var command = args.Length == 0 ? null : Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command == null)
        {
            var help = args.Length == 0 || args[0] is "help" or "--help" or "-h";
            var writer = help ? Console.Out : Console.Error;
            if (!help)
            {
                writer.WriteLine($"unknown command '{args[0]}'");
            }

            writer.WriteLine("usage: openai-gen <command> [arguments]");
            foreach (var c in Commands)
            {
                writer.WriteLine("  " + c.Usage.Replace("\n", "\n  "));
            }

            return help ? 0 : 2;
        }

        return await command.RunAsync(args.Skip(1).ToArray(), Console.Out, Console.Error, cancel.Token);
    }
}
