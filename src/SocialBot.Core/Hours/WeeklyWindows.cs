using System.Globalization;
using SocialBot.Core.Configuration;

namespace SocialBot.Core.Hours;

/// <summary>Parses and validates <c>SocialBot:StaffedHours:Weekly</c> into seven sorted window lists (index = <see cref="DayOfWeek"/>).</summary>
internal static class WeeklyWindows
{
    public const string WeeklyKey = "SocialBot:StaffedHours:Weekly";

    private static readonly string[] DayNames = Enum.GetNames<DayOfWeek>();

    public static LocalWindow[][] Parse(IDictionary<string, IList<string>>? weekly)
    {
        var days = new LocalWindow[7][];
        var configuredAs = new string?[7];
        for (int i = 0; i < 7; i++)
        {
            days[i] = [];
        }

        foreach (KeyValuePair<string, IList<string>> entry in weekly ?? new Dictionary<string, IList<string>>())
        {
            string key = $"{WeeklyKey}:{entry.Key}";
            DayOfWeek day = ParseDay(entry.Key, key);
            if (configuredAs[(int)day] is { } earlier)
            {
                throw new SocialBotConfigurationException(key, $"'{entry.Key}' repeats '{earlier}': give each day once");
            }

            configuredAs[(int)day] = entry.Key;
            days[(int)day] = ParseDayWindows(entry.Value, key);
        }

        if (days.All(d => d.Length == 0))
        {
            throw new SocialBotConfigurationException(WeeklyKey, "no staffed windows: the team would never be staffed");
        }

        CheckPastMidnightWindows(days, configuredAs);
        return days;
    }

    private static DayOfWeek ParseDay(string name, string key)
    {
        string trimmed = name.Trim();
        foreach (string dayName in DayNames)
        {
            if (string.Equals(trimmed, dayName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(trimmed, dayName[..3], StringComparison.OrdinalIgnoreCase))
            {
                return Enum.Parse<DayOfWeek>(dayName);
            }
        }

        throw new SocialBotConfigurationException(key, $"'{name}' is not a day name (Monday..Sunday or Mon..Sun)");
    }

    private static LocalWindow[] ParseDayWindows(IList<string>? texts, string key)
    {
        var windows = new List<LocalWindow>();
        foreach (string? text in texts ?? [])
        {
            windows.Add(ParseWindow(text ?? "", key));
        }

        windows.Sort((a, b) => a.StartMinute.CompareTo(b.StartMinute));
        for (int i = 1; i < windows.Count; i++)
        {
            if (windows[i - 1].EndMinute > windows[i].StartMinute)
            {
                throw new SocialBotConfigurationException(key, $"{windows[i - 1]} overlaps {windows[i]}");
            }
        }

        return [.. windows];
    }

    internal static LocalWindow ParseWindow(string text, string key)
    {
        string[] parts = text.Split('-');
        if (parts.Length != 2
            || !TryParseTime(parts[0], allowMidnightEnd: false, out int start)
            || !TryParseTime(parts[1], allowMidnightEnd: true, out int end))
        {
            throw new SocialBotConfigurationException(key, $"{text.Trim()} is not HH:mm-HH:mm");
        }

        if (start == end)
        {
            throw new SocialBotConfigurationException(key, $"{text.Trim()} is empty");
        }

        // An end at or before the start is on the next day ("22:00-02:00"); "24:00" is the end of the day itself.
        return new LocalWindow(start, end > start ? end : end + LocalWindow.MinutesPerDay);
    }

    private static bool TryParseTime(string text, bool allowMidnightEnd, out int minutes)
    {
        minutes = 0;
        string trimmed = text.Trim();
        int colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        if (colon is < 1 or > 2 || trimmed.Length != colon + 3
            || !int.TryParse(trimmed.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out int hours)
            || !int.TryParse(trimmed.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int mins))
        {
            return false;
        }

        if (hours == 24 && mins == 0 && allowMidnightEnd)
        {
            minutes = LocalWindow.MinutesPerDay;
            return true;
        }

        if (hours > 23 || mins > 59)
        {
            return false;
        }

        minutes = (hours * 60) + mins;
        return true;
    }

    private static void CheckPastMidnightWindows(LocalWindow[][] days, string?[] configuredAs)
    {
        for (int day = 0; day < 7; day++)
        {
            LocalWindow[] windows = days[day];
            if (windows.Length == 0 || !windows[^1].RunsPastMidnight)
            {
                continue;
            }

            LocalWindow late = windows[^1];
            int next = (day + 1) % 7;
            int reachesInto = late.EndMinute - LocalWindow.MinutesPerDay;
            foreach (LocalWindow nextWindow in days[next])
            {
                if (nextWindow.StartMinute < reachesInto)
                {
                    throw new SocialBotConfigurationException(
                        $"{WeeklyKey}:{configuredAs[day]}",
                        $"{late} runs past midnight and overlaps {(DayOfWeek)next}'s {nextWindow}");
                }
            }
        }
    }
}
