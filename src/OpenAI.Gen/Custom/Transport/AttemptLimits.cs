using System;
using System.Threading;

namespace OpenAI.Gen;

/// <summary>
/// The token source of each attempt: cancelled by the attempt's time limit or by the caller's token. A linked source
/// with a timer per attempt was a fifth of a non-streaming call's allocations; here one source per pipeline is reset
/// after an attempt that was not cancelled and reused by the next (a concurrent attempt gets a new one), and the
/// caller's token, when it can be cancelled at all, is forwarded by a registration that ends with the attempt.
/// </summary>
internal sealed class AttemptLimits
{
    private readonly TimeSpan _timeout;
    private CancellationTokenSource? _spare;

    internal AttemptLimits(TimeSpan timeout)
    {
        _timeout = timeout;
    }

    /// <summary>A source for one attempt, its time limit running; hand it back with <see cref="Return"/>.</summary>
    internal CancellationTokenSource Rent()
    {
        var source = Interlocked.Exchange(ref _spare, null) ?? new CancellationTokenSource();
        if (_timeout != Timeout.InfiniteTimeSpan)
        {
            source.CancelAfter(_timeout);
        }

        return source;
    }

    /// <summary>
    /// Forwards the caller's <paramref name="cancellationToken"/> to <paramref name="source"/> until the registration is
    /// disposed, which must happen before <see cref="Return"/>.
    /// </summary>
    internal static CancellationTokenRegistration Forward(CancellationToken cancellationToken, CancellationTokenSource source) =>
        cancellationToken.CanBeCanceled ? cancellationToken.Register(static s => ((CancellationTokenSource)s!).Cancel(), source) : default;

    /// <summary>Ends the attempt's use of <paramref name="source"/>: kept for the next attempt unless it was cancelled.</summary>
    internal void Return(CancellationTokenSource source)
    {
#if NET8_0_OR_GREATER
        // TryReset stops the timer and drops the registrations of the attempt's transport; a cancelled source is not reused.
        if (source.TryReset() && Interlocked.CompareExchange(ref _spare, source, null) == null)
        {
            return;
        }
#endif
        source.Dispose();
    }
}
