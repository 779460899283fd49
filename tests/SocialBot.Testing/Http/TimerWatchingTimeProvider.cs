using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace SocialBot.Testing.Http;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer started on it (a retry's wait, a timeout), in order, so a
/// test can wait until the code under test is waiting and then move the clock: no real delays, no races. A timer is
/// reported when it is created or changed with a finite due time.
/// </summary>
public sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _started = Channel.CreateUnbounded<TimeSpan>();

    public TimerWatchingTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Report(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer started (waits for it, up to 10 s of real time).</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _started.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Waits until a timer of <paramref name="dueTime"/> is started, skipping the others (timeouts, say).</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        while (await NextTimerAsync() != dueTime)
        {
        }
    }

    private void Report(TimeSpan dueTime)
    {
        if (dueTime >= TimeSpan.Zero)
        {
            _started.Writer.TryWrite(dueTime);
        }
    }

    private sealed class WatchedTimer(ITimer inner, TimerWatchingTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Report(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
