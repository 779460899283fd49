using NodaTime;
using NodaTime.Text;
using SocialBot.Core.Configuration;
using SocialBot.Core.Hours;

namespace SocialBot.Core.Tests.Hours;

/// <summary>Builds schedules and instants for the staffed-hours tests.</summary>
internal static class StaffedHoursTestData
{
    public const string NewYork = "America/New_York";

    public static readonly string[] NineToFive = ["09:00-17:00"];

    public static StaffedHoursOptions Options(string timeZone, IDictionary<string, string[]> weekly, params string[] closed)
    {
        var options = new StaffedHoursOptions { TimeZone = timeZone };
        foreach (KeyValuePair<string, string[]> day in weekly)
        {
            options.Weekly[day.Key] = [.. day.Value];
        }

        foreach (string date in closed)
        {
            options.Closed.Add(date);
        }

        return options;
    }

    public static StaffedHours Create(string timeZone, IDictionary<string, string[]> weekly, params string[] closed) =>
        StaffedHours.Create(Options(timeZone, weekly, closed));

    /// <summary>Monday to Friday, 09:00-17:00.</summary>
    public static Dictionary<string, string[]> Weekdays() => new()
    {
        ["Monday"] = NineToFive,
        ["Tuesday"] = NineToFive,
        ["Wednesday"] = NineToFive,
        ["Thursday"] = NineToFive,
        ["Friday"] = NineToFive,
    };

    /// <summary>The instant at which the wall clock of <paramref name="timeZone"/> reads <paramref name="local"/> (earlier offset if twice).</summary>
    public static DateTimeOffset Local(string timeZone, string local)
    {
        LocalDateTime value = LocalDateTimePattern.GeneralIso.Parse(local).Value;
        return value.InZoneLeniently(DateTimeZoneProviders.Tzdb[timeZone]).ToDateTimeOffset();
    }

    public static DateTimeOffset NewYorkTime(string local) => Local(NewYork, local);

    public static DateTimeOffset Utc(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The folder holding <c>holidays.ics</c>, found from the test binaries up to the test project.</summary>
    public static string TestDataDirectory()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "Hours", "TestData");
            if (File.Exists(Path.Combine(candidate, "holidays.ics")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Hours/TestData/holidays.ics not found above " + AppContext.BaseDirectory);
    }
}
