using BenchmarkDotNet.Running;

namespace OpenAI.Gen.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release -- --job short --filter *</c>.</summary>
public static class Program
{
    /// <summary>Entry point; arguments go to BenchmarkDotNet.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
