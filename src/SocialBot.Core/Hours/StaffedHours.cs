using SocialBot.Core.Configuration;

namespace SocialBot.Core.Hours;

/// <summary>
/// When the team is staffed: weekly local windows in an IANA time zone (several a day, possibly past midnight),
/// minus closed dates and the days of an optional iCalendar file.
/// </summary>
public sealed class StaffedHours
{
    private StaffedHours(string timeZoneId, TimeZoneInfo timeZone)
    {
        TimeZoneId = timeZoneId;
        TimeZone = timeZone;
    }

    public string TimeZoneId { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>Builds the schedule, or throws <see cref="SocialBotConfigurationException"/> naming the wrong key.</summary>
    /// <param name="options">The <c>SocialBot:StaffedHours</c> section.</param>
    /// <param name="baseDirectory">Where a relative <c>HolidayCalendar</c> path is resolved from.</param>
    public static StaffedHours Create(StaffedHoursOptions options, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = baseDirectory;
        throw new NotImplementedException();
    }

    /// <summary>Whether someone is on duty at <paramref name="instant"/>.</summary>
    public bool IsStaffed(DateTimeOffset instant) => throw new NotImplementedException();

    /// <summary><paramref name="instant"/> itself when staffed, else the start of the next staffed period; null if none within 400 days.</summary>
    public DateTimeOffset? NextStaffedAt(DateTimeOffset instant) => throw new NotImplementedException();

    /// <summary><paramref name="instant"/> itself when closed, else the end of the current staffed period; null if never.</summary>
    public DateTimeOffset? NextClosedAt(DateTimeOffset instant) => throw new NotImplementedException();

    /// <summary>The instant at which <paramref name="staffedTime"/> of staffed time has passed since <paramref name="start"/>.</summary>
    public DateTimeOffset? AddStaffedTime(DateTimeOffset start, TimeSpan staffedTime) => throw new NotImplementedException();

    /// <summary>Whether the whole local date is closed by <c>Closed</c> or the holiday calendar (not merely a day without windows).</summary>
    public bool IsClosedDate(DateOnly localDate) => throw new NotImplementedException();
}
