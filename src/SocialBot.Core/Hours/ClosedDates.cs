using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using SocialBot.Core.Configuration;
using Calendar = Ical.Net.Calendar;
using Period = Ical.Net.DataTypes.Period;

namespace SocialBot.Core.Hours;

/// <summary>
/// Whole local dates on which nobody is staffed: the <c>Closed</c> list plus every date touched by an event of the
/// optional iCalendar file. Recurring events are expanded lazily, one calendar year at a time, and cached.
/// </summary>
internal sealed class ClosedDates
{
    public const string ClosedKey = "SocialBot:StaffedHours:Closed";
    public const string CalendarKey = "SocialBot:StaffedHours:HolidayCalendar";

    /// <summary>Events longer than this are not looked for before the year being expanded.</summary>
    private const int LongestEventDays = 366;

    private readonly FrozenSet<DateOnly> _fixed;
    private readonly Calendar? _calendar;
    private readonly DateTimeZone _zone;
    private readonly Lock _calendarLock = new();
    private readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> _calendarYears = new();

    private ClosedDates(FrozenSet<DateOnly> fixedDates, Calendar? calendar, DateTimeZone zone)
    {
        _fixed = fixedDates;
        _calendar = calendar;
        _zone = zone;
    }

    public static ClosedDates Create(IList<string>? closed, string? calendarPath, string? baseDirectory, DateTimeZone zone)
    {
        var dates = new HashSet<DateOnly>();
        int index = 0;
        foreach (string? text in closed ?? [])
        {
            if (!DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
            {
                throw new SocialBotConfigurationException($"{ClosedKey}:{index}", $"'{text}' is not a date (yyyy-MM-dd)");
            }

            dates.Add(date);
            index++;
        }

        Calendar? calendar = string.IsNullOrWhiteSpace(calendarPath) ? null : LoadCalendar(calendarPath, baseDirectory);
        var result = new ClosedDates(dates.ToFrozenSet(), calendar, zone);
        result.CheckCalendarEvaluates();
        return result;
    }

    public bool IsClosed(DateOnly date)
    {
        if (_fixed.Contains(date))
        {
            return true;
        }

        return _calendar is not null
            && _calendarYears.GetOrAdd(date.Year, static (year, self) => self.ExpandYear(year), this).Contains(date);
    }

    private static Calendar LoadCalendar(string path, string? baseDirectory)
    {
        string fullPath = Path.GetFullPath(path, baseDirectory ?? AppContext.BaseDirectory);
        if (!File.Exists(fullPath))
        {
            throw new SocialBotConfigurationException(CalendarKey, $"the iCalendar file '{fullPath}' does not exist");
        }

        try
        {
            Calendar? calendar = Calendar.Load(File.ReadAllText(fullPath));
            return calendar ?? throw new SocialBotConfigurationException(
                CalendarKey, $"'{fullPath}' is not an iCalendar file (no VCALENDAR)");
        }
        catch (Exception ex) when (ex is not SocialBotConfigurationException and not OutOfMemoryException)
        {
            throw new SocialBotConfigurationException(CalendarKey, $"'{fullPath}' is not a readable iCalendar file: {ex.Message}", ex);
        }
    }

    /// <summary>Expands each event's first year now, so a broken event fails at start-up rather than at the first mention.</summary>
    private void CheckCalendarEvaluates()
    {
        if (_calendar is null)
        {
            return;
        }

        foreach (CalendarEvent calendarEvent in _calendar.Events)
        {
            if (calendarEvent.DtStart is null)
            {
                throw new SocialBotConfigurationException(CalendarKey, $"the event '{calendarEvent.Summary ?? calendarEvent.Uid}' has no DTSTART");
            }
        }

        try
        {
            foreach (int year in _calendar.Events.Select(e => e.DtStart!.Year).Distinct())
            {
                _ = IsClosed(new DateOnly(year, 1, 1));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new SocialBotConfigurationException(CalendarKey, $"the iCalendar events cannot be evaluated: {ex.Message}", ex);
        }
    }

    private FrozenSet<DateOnly> ExpandYear(int year)
    {
        var firstDay = new DateOnly(year, 1, 1);
        var lastDay = new DateOnly(year, 12, 31);
        var dates = new HashSet<DateOnly>();
        lock (_calendarLock)
        {
            var from = new CalDateTime(firstDay.AddDays(-LongestEventDays));
            var until = new CalDateTime(lastDay.AddDays(1));
            foreach (Occurrence occurrence in _calendar!.GetOccurrences(from).TakeWhileBefore(until))
            {
                (DateOnly first, DateOnly last) = DatesTouched(occurrence.Period);
                for (DateOnly date = first > firstDay ? first : firstDay; date <= last && date <= lastDay; date = date.AddDays(1))
                {
                    dates.Add(date);
                }
            }
        }

        return dates.ToFrozenSet();
    }

    /// <summary>
    /// The local dates an occurrence touches. All-day: its dates (the end date is exclusive). Timed: every date in the
    /// team's zone from its start up to its end, where an end exactly at midnight does not touch the next date.
    /// </summary>
    private (DateOnly First, DateOnly Last) DatesTouched(Period period)
    {
        CalDateTime start = period.StartTime;
        CalDateTime? end = period.EffectiveEndTime;
        if (!start.HasTime)
        {
            DateOnly endDate = end?.Date ?? start.Date.AddDays(1);
            return (start.Date, endDate > start.Date ? endDate.AddDays(-1) : start.Date);
        }

        LocalDateTime localStart = ToTeamLocal(start);
        LocalDateTime localEnd = end is null ? localStart : ToTeamLocal(end);
        DateOnly last = localEnd.Date.ToDateOnly();
        if (localEnd > localStart && localEnd.TimeOfDay == LocalTime.Midnight)
        {
            last = last.AddDays(-1);
        }

        DateOnly first = localStart.Date.ToDateOnly();
        return (first, last < first ? first : last);
    }

    private LocalDateTime ToTeamLocal(CalDateTime value)
    {
        if (value.IsFloating)
        {
            return LocalDateTime.FromDateTime(value.Value);
        }

        return Instant.FromDateTimeUtc(DateTime.SpecifyKind(value.AsUtc, DateTimeKind.Utc)).InZone(_zone).LocalDateTime;
    }
}
