using System.Collections.Concurrent;
using NodaTime;
using NodaTime.TimeZones;
using SocialBot.Core.Configuration;

namespace SocialBot.Core.Hours;

/// <summary>
/// When the team is staffed: weekly local windows in an IANA time zone (several a day, possibly past midnight),
/// minus closed dates and the days of an optional iCalendar file.
/// </summary>
/// <remarks>
/// <para>
/// Each window belongs to the local date it starts on. A closed date (from <c>Closed</c> or the holiday calendar) is
/// closed from its 00:00 to the next 00:00: a window that starts on an open day and runs past midnight into a closed
/// day ends at that midnight, and a window that starts on a closed day is not staffed at all, even the part of it
/// that runs into an open day.
/// </para>
/// <para>
/// Local times are mapped to instants as follows. A time that does not exist (the spring-forward gap) means the first
/// instant after the gap: a window starting at 02:30 on the day New York springs forward starts at 03:00 EDT, and a
/// window 01:00-03:00 that day lasts one hour. A time that exists twice (the fall-back overlap) is taken with the
/// earlier offset when it starts a window and the later offset when it ends one, so the window covers every instant
/// whose wall clock reads inside it: 01:00-02:00 on the day New York falls back lasts two hours.
/// </para>
/// <para>
/// Staffed periods are the union of these windows: windows that touch or overlap (Monday 22:00-24:00 and Tuesday
/// 00:00-06:00, or a window past midnight that meets the next day's first window) are one period.
/// Windows are start-inclusive and end-exclusive.
/// </para>
/// <para>
/// Instances are immutable to callers and thread-safe: each local date's instants are computed once and cached, so
/// <see cref="IsStaffed"/> does not allocate once the dates around the instant have been seen, and searches step a
/// day at a time for at most <see cref="SearchDays"/> days.
/// </para>
/// </remarks>
public sealed class StaffedHours
{
    /// <summary>How far ahead the searches look.</summary>
    public const int SearchDays = 400;

    private const string TimeZoneKey = "SocialBot:StaffedHours:TimeZone";
    private const int MaxCachedDays = 8192;

    private static readonly ZoneLocalMappingResolver StartResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    private static readonly ZoneLocalMappingResolver EndResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter);

    private static readonly TimeSpan SearchSpan = TimeSpan.FromDays(SearchDays);

    private readonly DateTimeZone _zone;
    private readonly LocalWindow[][] _weekly;
    private readonly ClosedDates _closed;
    private readonly ConcurrentDictionary<int, StaffedInterval[]> _days = new();

    private StaffedHours(string timeZoneId, TimeZoneInfo timeZone, DateTimeZone zone, LocalWindow[][] weekly, ClosedDates closed)
    {
        TimeZoneId = timeZoneId;
        TimeZone = timeZone;
        _zone = zone;
        _weekly = weekly;
        _closed = closed;
    }

    public string TimeZoneId { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>Builds the schedule, or throws <see cref="SocialBotConfigurationException"/> naming the wrong key.</summary>
    /// <param name="options">The <c>SocialBot:StaffedHours</c> section.</param>
    /// <param name="baseDirectory">Where a relative <c>HolidayCalendar</c> path is resolved from.</param>
    public static StaffedHours Create(StaffedHoursOptions options, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        string timeZoneId = options.TimeZone?.Trim() ?? "";
        if (timeZoneId.Length == 0)
        {
            throw new SocialBotConfigurationException(TimeZoneKey, "is required (an IANA time zone id such as America/New_York)");
        }

        DateTimeZone zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId)
            ?? throw new SocialBotConfigurationException(TimeZoneKey, $"'{timeZoneId}' is not a known IANA time zone id");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out TimeZoneInfo? timeZone))
        {
            throw new SocialBotConfigurationException(TimeZoneKey, $"'{timeZoneId}' is not available in this machine's time zone data");
        }

        LocalWindow[][] weekly = WeeklyWindows.Parse(options.Weekly);
        ClosedDates closed = ClosedDates.Create(options.Closed, options.HolidayCalendar, baseDirectory, zone);
        return new StaffedHours(timeZoneId, timeZone, zone, weekly, closed);
    }

    /// <summary>Whether someone is on duty at <paramref name="instant"/>.</summary>
    public bool IsStaffed(DateTimeOffset instant)
    {
        long ticks = instant.UtcTicks;
        int today = LocalDayNumber(instant);

        // Windows are shorter than a day, so only yesterday's (past midnight), today's and, around a DST change at
        // midnight, tomorrow's can contain the instant.
        for (int day = today - 1; day <= today + 1; day++)
        {
            foreach (StaffedInterval interval in IntervalsOf(day))
            {
                if (interval.Contains(ticks))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><paramref name="instant"/> itself when staffed, else the start of the next staffed period; null if none within 400 days.</summary>
    public DateTimeOffset? NextStaffedAt(DateTimeOffset instant)
    {
        if (!TryFindPeriod(instant, out long start, out _, out _))
        {
            return null;
        }

        if (start <= instant.UtcTicks)
        {
            return instant;
        }

        DateTimeOffset next = ToTeamOffset(start);
        return next - instant <= SearchSpan ? next : null;
    }

    /// <summary><paramref name="instant"/> itself when closed, else the end of the current staffed period; null if never.</summary>
    public DateTimeOffset? NextClosedAt(DateTimeOffset instant)
    {
        if (!TryFindPeriod(instant, out long start, out long end, out bool endsWithinSearch) || start > instant.UtcTicks)
        {
            return instant;
        }

        return endsWithinSearch ? ToTeamOffset(end) : null;
    }

    /// <summary>The instant at which <paramref name="staffedTime"/> of staffed time has passed since <paramref name="start"/>.</summary>
    /// <returns>
    /// <paramref name="start"/> itself for a zero duration; the end of a period when the duration runs out exactly
    /// there; null when the duration is not reached within 400 days.
    /// </returns>
    public DateTimeOffset? AddStaffedTime(DateTimeOffset start, TimeSpan staffedTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(staffedTime, TimeSpan.Zero);
        if (staffedTime == TimeSpan.Zero)
        {
            return start;
        }

        long cursor = start.UtcTicks;
        long remaining = staffedTime.Ticks;
        long limit = (start + SearchSpan).UtcTicks;
        int firstDay = LocalDayNumber(start) - 1;
        for (int day = firstDay; day <= firstDay + SearchDays + 2; day++)
        {
            foreach (StaffedInterval interval in IntervalsOf(day))
            {
                // Overlapping intervals (only possible around DST changes) are counted once thanks to the cursor.
                cursor = Math.Max(cursor, interval.Start);
                long available = interval.End - cursor;
                if (available <= 0)
                {
                    continue;
                }

                if (remaining <= available)
                {
                    long reached = cursor + remaining;
                    return reached <= limit ? ToTeamOffset(reached) : null;
                }

                remaining -= available;
                cursor = interval.End;
            }
        }

        return null;
    }

    /// <summary>
    /// How much staffed time lies between <paramref name="from"/> and <paramref name="to"/> (negative when
    /// <paramref name="to"/> is earlier), looking at most 400 days ahead: the measure for "time left until due" and
    /// "first response time" counted the way the due time was set.
    /// </summary>
    public TimeSpan StaffedTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -StaffedTimeBetween(to, from);
        }

        long cursor = from.UtcTicks;
        long end = Math.Min(to.UtcTicks, (from + SearchSpan).UtcTicks);
        long total = 0;
        int firstDay = LocalDayNumber(from) - 1;
        for (int day = firstDay; day <= firstDay + SearchDays + 2 && cursor < end; day++)
        {
            foreach (StaffedInterval interval in IntervalsOf(day))
            {
                cursor = Math.Max(cursor, interval.Start);
                long stop = Math.Min(interval.End, end);
                if (stop > cursor)
                {
                    total += stop - cursor;
                    cursor = stop;
                }
            }
        }

        return TimeSpan.FromTicks(total);
    }

    /// <summary>The instant as the team's wall clock shows it (null stays null).</summary>
    public DateTimeOffset? ToLocal(DateTimeOffset? instant) =>
        instant is { } value ? TimeZoneInfo.ConvertTime(value, TimeZone) : null;

    /// <summary>Whether the whole local date is closed by <c>Closed</c> or the holiday calendar (not merely a day without windows).</summary>
    public bool IsClosedDate(DateOnly localDate) => _closed.IsClosed(localDate);

    /// <summary>
    /// The first staffed period (windows merged where they touch or overlap) that ends after <paramref name="from"/>.
    /// <paramref name="endsWithinSearch"/> is false when the period still runs at the end of the search horizon.
    /// </summary>
    private bool TryFindPeriod(DateTimeOffset from, out long start, out long end, out bool endsWithinSearch)
    {
        long fromTicks = from.UtcTicks;
        bool found = false;
        start = 0;
        end = 0;
        int firstDay = LocalDayNumber(from) - 1;
        for (int day = firstDay; day <= firstDay + SearchDays + 2; day++)
        {
            foreach (StaffedInterval interval in IntervalsOf(day))
            {
                if (found)
                {
                    if (interval.Start > end)
                    {
                        endsWithinSearch = true;
                        return true;
                    }

                    end = Math.Max(end, interval.End);
                }
                else if (interval.End > fromTicks)
                {
                    found = true;
                    start = interval.Start;
                    end = interval.End;
                }
            }
        }

        endsWithinSearch = false;
        return found;
    }

    private int LocalDayNumber(DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(_zone).Date.ToDateOnly().DayNumber;

    private DateTimeOffset ToTeamOffset(long utcTicks) =>
        Instant.FromDateTimeOffset(new DateTimeOffset(utcTicks, TimeSpan.Zero)).InZone(_zone).ToDateTimeOffset();

    private StaffedInterval[] IntervalsOf(int dayNumber)
    {
        if (_days.TryGetValue(dayNumber, out StaffedInterval[]? intervals))
        {
            return intervals;
        }

        if (_days.Count >= MaxCachedDays)
        {
            _days.Clear();
        }

        return _days.GetOrAdd(dayNumber, ComputeIntervals(dayNumber));
    }

    /// <summary>The instants of the windows that start on the given local date, sorted by start, clipped at a closed next day.</summary>
    private StaffedInterval[] ComputeIntervals(int dayNumber)
    {
        DateOnly date = DateOnly.FromDayNumber(dayNumber);
        LocalWindow[] windows = _weekly[(int)date.DayOfWeek];
        if (windows.Length == 0 || _closed.IsClosed(date))
        {
            return [];
        }

        bool nextDayClosed = windows[^1].RunsPastMidnight && _closed.IsClosed(date.AddDays(1));
        LocalDate localDate = LocalDate.FromDateOnly(date);
        var intervals = new List<StaffedInterval>(windows.Length);
        foreach (LocalWindow window in windows)
        {
            int endMinute = nextDayClosed ? Math.Min(window.EndMinute, LocalWindow.MinutesPerDay) : window.EndMinute;
            long start = ToUtcTicks(localDate, window.StartMinute, StartResolver);
            long end = ToUtcTicks(localDate, endMinute, EndResolver);
            if (end > start)
            {
                intervals.Add(new StaffedInterval(start, end));
            }
        }

        return [.. intervals];
    }

    private long ToUtcTicks(LocalDate date, int minutes, ZoneLocalMappingResolver resolver)
    {
        LocalDateTime local = date.PlusDays(minutes / LocalWindow.MinutesPerDay)
            .At(new LocalTime(minutes % LocalWindow.MinutesPerDay / 60, minutes % 60));
        return local.InZone(_zone, resolver).ToDateTimeOffset().UtcTicks;
    }
}
