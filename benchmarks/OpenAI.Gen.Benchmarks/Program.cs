using System;
using System.Globalization;
using System.IO;
using BenchmarkDotNet.Running;

namespace OpenAI.Gen.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release -- --filter *</c> (BenchmarkDotNet arguments), or
/// <c>interleaved [results-directory]</c> for the streaming parse with both clients taking turns in one process, or
/// <c>loopback [results-directory]</c> for the loopback latency and concurrency runs.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static void Main(string[] args)
    {
        switch (args.Length > 0 ? args[0] : string.Empty)
        {
            case "loopback":
                LoopbackRuns.RunAsync(args.Length > 1 ? args[1] : Path.Combine("BenchmarkDotNet.Artifacts", "results")).GetAwaiter().GetResult();
                break;
            case "interleaved":
                InterleavedRuns.RunAsync(args.Length > 1 ? args[1] : Path.Combine("BenchmarkDotNet.Artifacts", "results")).GetAwaiter().GetResult();
                break;
            case "loopback-server":
                LoopbackRuns.RunServer();
                break;
            case "concurrent-client":
                LoopbackRuns.RunConcurrentClientAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture)).GetAwaiter().GetResult();
                break;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                break;
        }
    }
}
