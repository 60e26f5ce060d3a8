using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace OpenAI.Gen.Benchmarks;

/// <summary>
/// The one job every OpenAI.Gen-against-official comparison runs with, the same for both sides. One process per
/// benchmark measured nine times left each ratio to one process's luck (tiered PGO profiles and code layout differ per
/// process, and a neighbour's load lands on one side only): the official SDK's call moved from 11.6 to 7.4 µs between
/// two idle runs. Three processes per benchmark, each with its own warm-up, and the median over all their iterations.
/// Twenty warm-up iterations (5 s): with five, both clients' stream readers were still being recompiled by tiered PGO
/// while measured (per-iteration times fell by a third within one process), so the figure was the warm-up's, not the
/// steady state's. Non-concurrent GC, so that no background collector thread competes with the measured one on a two-core machine.
/// </summary>
public sealed class ComparisonConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public ComparisonConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(3)
            .WithWarmupCount(20)
            .WithIterationCount(10)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithGcConcurrent(false)
            .WithId("Comparison"));
    }
}
