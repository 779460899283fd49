using System.Globalization;
using SocialBot.Core.Hours;

namespace SocialBot.Core.Acknowledgements;

/// <summary>
/// Says when people are back in words people use, in the team's time zone: "today at 1:00 PM EST",
/// "tomorrow at 8:30 AM EST", "Monday at 9:00 AM EST", and the full date when a holiday lies in between or the day is
/// a week or more away: "Friday, December 26 at 9:00 AM EST".
/// </summary>
public static class BackTimeFormatter
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static readonly Dictionary<string, (string Standard, string Daylight)> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["America/New_York"] = ("EST", "EDT"),
        ["America/Detroit"] = ("EST", "EDT"),
        ["America/Toronto"] = ("EST", "EDT"),
        ["America/Chicago"] = ("CST", "CDT"),
        ["America/Denver"] = ("MST", "MDT"),
        ["America/Phoenix"] = ("MST", "MST"),
        ["America/Los_Angeles"] = ("PST", "PDT"),
        ["America/Vancouver"] = ("PST", "PDT"),
        ["America/Anchorage"] = ("AKST", "AKDT"),
        ["Pacific/Honolulu"] = ("HST", "HST"),
        ["Europe/London"] = ("GMT", "BST"),
        ["Europe/Dublin"] = ("GMT", "IST"),
        ["Europe/Lisbon"] = ("WET", "WEST"),
        ["Europe/Paris"] = ("CET", "CEST"),
        ["Europe/Berlin"] = ("CET", "CEST"),
        ["Europe/Madrid"] = ("CET", "CEST"),
        ["Europe/Rome"] = ("CET", "CEST"),
        ["Europe/Amsterdam"] = ("CET", "CEST"),
        ["Europe/Brussels"] = ("CET", "CEST"),
        ["Europe/Stockholm"] = ("CET", "CEST"),
        ["Europe/Zurich"] = ("CET", "CEST"),
        ["Europe/Vienna"] = ("CET", "CEST"),
        ["Europe/Warsaw"] = ("CET", "CEST"),
        ["Europe/Athens"] = ("EET", "EEST"),
        ["Europe/Helsinki"] = ("EET", "EEST"),
        ["Asia/Kolkata"] = ("IST", "IST"),
        ["Asia/Tokyo"] = ("JST", "JST"),
        ["Asia/Singapore"] = ("SGT", "SGT"),
        ["Australia/Sydney"] = ("AEST", "AEDT"),
        ["Australia/Melbourne"] = ("AEST", "AEDT"),
        ["Australia/Brisbane"] = ("AEST", "AEST"),
        ["Australia/Perth"] = ("AWST", "AWST"),
        ["Pacific/Auckland"] = ("NZST", "NZDT"),
        ["UTC"] = ("UTC", "UTC"),
        ["Etc/UTC"] = ("UTC", "UTC"),
    };

    /// <param name="opening">When people are back.</param>
    /// <param name="now">The instant of the reply.</param>
    /// <param name="hours">The team's schedule (time zone and closed dates).</param>
    /// <param name="withZone">Whether to name the time zone (dropped only to fit very short channels).</param>
    public static string Format(DateTimeOffset opening, DateTimeOffset now, StaffedHours hours, bool withZone = true)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var localOpening = TimeZoneInfo.ConvertTime(opening, hours.TimeZone);
        var localNow = TimeZoneInfo.ConvertTime(now, hours.TimeZone);
        var openingDate = DateOnly.FromDateTime(localOpening.DateTime);
        var today = DateOnly.FromDateTime(localNow.DateTime);
        var days = openingDate.DayNumber - today.DayNumber;

        var time = localOpening.ToString("h:mm tt", English);
        if (withZone)
        {
            time += " " + ZoneAbbreviation(hours, opening);
        }

        string day;
        if (days <= 0)
        {
            day = "today";
        }
        else if (days == 1)
        {
            day = "tomorrow";
        }
        else if (days < 7 && !AnyClosedDateBetween(hours, today, openingDate))
        {
            day = localOpening.ToString("dddd", English);
        }
        else
        {
            var format = days > 180 ? "dddd, MMMM d, yyyy" : "dddd, MMMM d";
            day = localOpening.ToString(format, English);
        }

        return $"{day} at {time}";
    }

    /// <summary>The zone's common abbreviation at that instant (EST or EDT), or a UTC offset such as <c>UTC+05:45</c>.</summary>
    public static string ZoneAbbreviation(StaffedHours hours, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (Abbreviations.TryGetValue(hours.TimeZoneId, out var names))
        {
            return hours.TimeZone.IsDaylightSavingTime(instant) ? names.Daylight : names.Standard;
        }

        var offset = hours.TimeZone.GetUtcOffset(instant);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var absolute = offset.Duration();
        return absolute.Minutes == 0
            ? $"UTC{sign}{absolute.Hours}"
            : $"UTC{sign}{absolute.Hours}:{absolute.Minutes:00}";
    }

    private static bool AnyClosedDateBetween(StaffedHours hours, DateOnly today, DateOnly openingDate)
    {
        for (var date = today.AddDays(1); date < openingDate; date = date.AddDays(1))
        {
            if (hours.IsClosedDate(date))
            {
                return true;
            }
        }

        return false;
    }
}
