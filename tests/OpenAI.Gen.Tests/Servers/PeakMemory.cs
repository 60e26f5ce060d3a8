using System;
using System.Threading;

namespace OpenAI.Gen.Tests.Servers;

/// <summary>
/// Samples the managed heap (<see cref="GC.GetTotalMemory(bool)"/>, garbage not yet collected included) every
/// millisecond on a thread of its own, from a collected baseline: the peak it reports is what a call added at most.
/// </summary>
public sealed class PeakMemory : IDisposable
{
    private readonly long _baseline;
    private readonly Thread _sampler;
    private volatile bool _stop;
    private long _peak;

    private PeakMemory()
    {
        _baseline = GC.GetTotalMemory(forceFullCollection: true);
        _peak = _baseline;
        _sampler = new Thread(Sample) { IsBackground = true, Name = "PeakMemory" };
        _sampler.Start();
    }

    /// <summary>The most the heap grew above the baseline so far, in bytes.</summary>
    public long Peak => Math.Max(0, Interlocked.Read(ref _peak) - _baseline);

    /// <summary>Starts sampling.</summary>
    public static PeakMemory Start() => new();

    /// <inheritdoc />
    public void Dispose()
    {
        _stop = true;
        _sampler.Join();
    }

    private void Sample()
    {
        while (!_stop)
        {
            var now = GC.GetTotalMemory(forceFullCollection: false);
            if (now > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, now);
            }

            Thread.Sleep(1);
        }
    }
}
