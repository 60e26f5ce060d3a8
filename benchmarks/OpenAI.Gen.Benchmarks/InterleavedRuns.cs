using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace OpenAI.Gen.Benchmarks;

/// <summary>
/// The streaming parse of <see cref="StreamingParseBenchmark"/> and the whole call of <see cref="NonStreamingBenchmark"/>
/// with both clients in one process, taking turns: on a shared machine BenchmarkDotNet measures the two in separate
/// processes minutes apart, under different loads, so their ratio moves; taking turns exposes both to the same load,
/// and the best round of each is compared.
/// </summary>
public static class InterleavedRuns
{
    private const int WarmupRounds = 5;
    private const int Rounds = 15;
    private const int StreamsPerRound = 20;
    private const int Chunks = 1000;
    private const int CallsPerRound = 2000;

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
            var (ours, official) = await TakeTurnsAsync(() => MeasureAsync(benchmark.OpenAIGen, StreamsPerRound, Chunks), () => MeasureAsync(benchmark.OfficialSdk, StreamsPerRound, Chunks)).ConfigureAwait(false);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {kind} | {ours.Time:F2} | {official.Time:F2} | {ours.Time / official.Time:F2} | {ours.Bytes} | {official.Bytes} | {(double)ours.Bytes / official.Bytes:F2} |");
        }

        report.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Non-streaming whole call, both clients in one process taking turns ({Rounds} rounds of {CallsPerRound:N0} calls; best round of each):")
            .AppendLine()
            .AppendLine("| Answer | OpenAI.Gen µs/call | Official µs/call | Time ratio | OpenAI.Gen B/call | Official B/call | Alloc ratio |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var example in new[] { "Default", "Logprobs" })
        {
            var benchmark = new NonStreamingBenchmark { Example = example };
            benchmark.Setup();
            var (ours, official) = await TakeTurnsAsync(() => MeasureAsync(benchmark.OpenAIGenCall, CallsPerRound, 1), () => MeasureAsync(benchmark.OfficialSdkCall, CallsPerRound, 1)).ConfigureAwait(false);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {example} | {ours.Time:F2} | {official.Time:F2} | {ours.Time / official.Time:F2} | {ours.Bytes} | {official.Bytes} | {(double)ours.Bytes / official.Bytes:F2} |");
        }

        Console.WriteLine(report);
        File.WriteAllText(Path.Combine(resultsDirectory, "Interleaved-report.md"), report.ToString());
    }

    // Warm-up rounds (not measured: lets tiered JIT finish with both clients' code), then the best of each over rounds taken in turn.
    private static async Task<((double Time, long Bytes) Ours, (double Time, long Bytes) Official)> TakeTurnsAsync(
        Func<Task<(double Time, long Bytes)>> ours, Func<Task<(double Time, long Bytes)>> official)
    {
        for (var round = 0; round < WarmupRounds; round++)
        {
            await ours().ConfigureAwait(false);
            await official().ConfigureAwait(false);
        }

        var bestOurs = (Time: double.MaxValue, Bytes: 0L);
        var bestOfficial = (Time: double.MaxValue, Bytes: 0L);
        for (var round = 0; round < Rounds; round++)
        {
            bestOurs = Best(bestOurs, await ours().ConfigureAwait(false));
            bestOfficial = Best(bestOfficial, await official().ConfigureAwait(false));
        }

        return (bestOurs, bestOfficial);
    }

    private static (double Time, long Bytes) Best((double Time, long Bytes) best, (double Time, long Bytes) round) =>
        round.Time < best.Time ? round : best;

    // Microseconds and bytes per unit (a chunk, a call) over one round of `runs` runs of `units` units each.
    private static async Task<(double Time, long Bytes)> MeasureAsync(Func<Task<int>> run, int runs, int units)
    {
        var allocated = GC.GetTotalAllocatedBytes(true);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < runs; i++)
        {
            await run().ConfigureAwait(false);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var bytes = GC.GetTotalAllocatedBytes(true) - allocated;
        return (elapsed.TotalMilliseconds * 1000 / runs / units, bytes / runs / units);
    }
}
