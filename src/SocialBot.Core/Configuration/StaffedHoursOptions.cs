namespace SocialBot.Core.Configuration;

/// <summary>The <c>SocialBot:StaffedHours</c> section, validated by building the schedule (<see cref="Hours.StaffedHours.Create"/>).</summary>
public sealed class StaffedHoursOptions
{
    public const string SectionName = "SocialBot:StaffedHours";

    /// <summary>IANA time zone id, e.g. <c>America/New_York</c>.</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>Day name to local windows such as <c>09:00-17:00</c>; absent days are closed.</summary>
    public IDictionary<string, IList<string>> Weekly { get; } = new Dictionary<string, IList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whole local dates (<c>yyyy-MM-dd</c>) when nobody is staffed.</summary>
    public IList<string> Closed { get; } = [];

    /// <summary>Optional path to an iCalendar (.ics) file whose events close whole days.</summary>
    public string? HolidayCalendar { get; set; }
}
