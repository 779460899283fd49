using System.Diagnostics;

namespace SocialBot.NetworkBench;

/// <summary>A clock that starts at a chosen instant (after hours) and then runs in real time, so poll intervals pass.</summary>
internal sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(_started);
}
