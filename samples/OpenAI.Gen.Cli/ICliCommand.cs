using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace OpenAI.Gen.Cli;

/// <summary>One command of the CLI (one file per command under Commands/, listed in <see cref="Program"/>).</summary>
public interface ICliCommand
{
    /// <summary>The word that selects it, e.g. <c>validate-examples</c>.</summary>
    string Name { get; }

    /// <summary>Its usage line(s), shown by <c>help</c>.</summary>
    string Usage { get; }

    /// <summary>Runs it with the arguments after its name; returns the process exit code (0 ok, 1 failure, 2 bad usage or input).</summary>
    Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}
