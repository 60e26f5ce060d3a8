using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace OpenAI.Gen.Benchmarks;

/// <summary>
/// The streaming parse of <see cref="StreamingParseBenchmark"/> with both clients in one process, taking turns: on a
/// shared machine BenchmarkDotNet measures the two in separate processes minutes apart, under different loads, so
/// their ratio moves; taking turns exposes both to the same load, and the best round of each is compared.
/// </summary>
public static class InterleavedRuns
{
    private const int WarmupRounds = 5;
    private const int Rounds = 15;
    private const int StreamsPerRound = 20;
    private const int Chunks = 1000;

    /// <summary>Runs both stream kinds, prints a Markdown table and writes it to <paramref name="resultsDirectory"/>.</summary>
    public static async Task RunAsync(string resultsDirectory)
    {
        Directory.CreateDirectory(resultsDirectory);
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Streaming parse, both clients in one process taking turns ({Rounds} rounds of {StreamsPerRound} streams of {Chunks:N0} chunks; best round of each):")
            .AppendLine()
            .AppendLine("| Stream | OpenAI.Gen µs/chunk | Official µs/chunk | Time ratio | OpenAI.Gen B/chunk | Official B/chunk | Alloc ratio |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var kind in new[] { StreamKind.Text, StreamKind.ToolCall })
        {
            var benchmark = new StreamingParseBenchmark { Kind = kind };
            benchmark.Setup();
            // Warm-up, not measured: lets tiered JIT finish with both clients' code.
            for (var round = 0; round < WarmupRounds; round++)
            {
                await MeasureAsync(benchmark.OpenAIGen).ConfigureAwait(false);
                await MeasureAsync(benchmark.OfficialSdk).ConfigureAwait(false);
            }

            var ours = (Time: double.MaxValue, Bytes: 0L);
            var official = (Time: double.MaxValue, Bytes: 0L);
            for (var round = 0; round < Rounds; round++)
            {
                ours = Best(ours, await MeasureAsync(benchmark.OpenAIGen).ConfigureAwait(false));
                official = Best(official, await MeasureAsync(benchmark.OfficialSdk).ConfigureAwait(false));
            }

            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {kind} | {ours.Time:F2} | {official.Time:F2} | {ours.Time / official.Time:F2} | {ours.Bytes} | {official.Bytes} | {(double)ours.Bytes / official.Bytes:F2} |");
        }

        Console.WriteLine(report);
        File.WriteAllText(Path.Combine(resultsDirectory, "Interleaved-report.md"), report.ToString());
    }

    private static (double Time, long Bytes) Best((double Time, long Bytes) best, (double Time, long Bytes) round) =>
        round.Time < best.Time ? round : best;

    // Microseconds and bytes per chunk over one round.
    private static async Task<(double Time, long Bytes)> MeasureAsync(Func<Task<int>> stream)
    {
        var allocated = GC.GetTotalAllocatedBytes(true);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < StreamsPerRound; i++)
        {
            await stream().ConfigureAwait(false);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var bytes = GC.GetTotalAllocatedBytes(true) - allocated;
        return (elapsed.TotalMilliseconds * 1000 / StreamsPerRound / Chunks, bytes / StreamsPerRound / Chunks);
    }
}
