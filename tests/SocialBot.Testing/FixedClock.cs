using System.Globalization;

namespace SocialBot.Testing;

/// <summary>A clock whose "now" is fixed while its timers run in real time, so polling loops keep moving.</summary>
public sealed class FixedClock : TimeProvider
{
    private readonly DateTimeOffset _now;

    public FixedClock(DateTimeOffset now)
    {
        _now = now;
    }

    /// <summary>Monday 2026-11-23 21:00 in New York: after the default Mon-Fri 09:00-17:00 hours.</summary>
    public static FixedClock AfterHours { get; } = new(DateTimeOffset.Parse("2026-11-23T21:00:00-05:00", CultureInfo.InvariantCulture));

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();
}
