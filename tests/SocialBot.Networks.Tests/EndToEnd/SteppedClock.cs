namespace SocialBot.Networks.Tests.EndToEnd;

/// <summary>A fixed "now" that the test moves forward by hand; timers run in real time (as <c>FixedClock</c>), so the host's loops keep moving.</summary>
internal sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
}
