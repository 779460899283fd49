using System.Diagnostics;
using SocialBot.Core.Hours;
using static SocialBot.Core.Tests.Hours.StaffedHoursTestData;

namespace SocialBot.Core.Tests.Hours;

public sealed class StaffedHoursTests
{
    [Fact]
    public void IsStaffed_ShouldIncludeStartAndExcludeEnd()
    {
        StaffedHours hours = Create(NewYork, Weekdays());

        Assert.True(hours.IsStaffed(NewYorkTime("2026-06-03T09:00:00")));
        Assert.True(hours.IsStaffed(NewYorkTime("2026-06-03T16:59:59")));
        Assert.False(hours.IsStaffed(NewYorkTime("2026-06-03T17:00:00")));
        Assert.False(hours.IsStaffed(NewYorkTime("2026-06-03T08:59:59")));
        Assert.False(hours.IsStaffed(NewYorkTime("2026-06-06T12:00:00")));
    }

    [Fact]
    public void IsStaffed_ShouldUseTheTeamTimeZone_WhenTheInstantHasAnotherOffset()
    {
        StaffedHours hours = Create(NewYork, Weekdays());

        Assert.True(hours.IsStaffed(Utc("2026-06-03T13:30:00Z")));
        Assert.False(hours.IsStaffed(Utc("2026-06-03T12:30:00Z")));
        Assert.True(hours.IsStaffed(Utc("2026-06-03T15:30:00+02:00")));
    }

    [Fact]
    public void NextStaffedAt_ShouldReturnTheInstantItself_WhenStaffed()
    {
        StaffedHours hours = Create(NewYork, Weekdays());
        DateTimeOffset now = NewYorkTime("2026-06-03T10:15:00");

        Assert.Equal(now, hours.NextStaffedAt(now));
    }

    [Fact]
    public void NextStaffedAt_ShouldBeMondayMorning_WhenFridayEvening()
    {
        StaffedHours hours = Create(NewYork, Weekdays());

        DateTimeOffset? next = hours.NextStaffedAt(NewYorkTime("2026-06-05T17:00:00"));

        Assert.Equal(NewYorkTime("2026-06-08T09:00:00"), next);
        Assert.Equal(TimeSpan.FromHours(-4), next!.Value.Offset);
    }

    [Fact]
    public void NextStaffedAt_ShouldSkipAMondayHoliday()
    {
        StaffedHours hours = Create(NewYork, Weekdays(), "2026-09-07");

        DateTimeOffset? next = hours.NextStaffedAt(NewYorkTime("2026-09-04T17:00:00"));

        Assert.Equal(NewYorkTime("2026-09-08T09:00:00"), next);
        Assert.True(hours.IsClosedDate(new DateOnly(2026, 9, 7)));
    }

    [Fact]
    public void NextStaffedAt_ShouldBeNull_WhenNothingIsStaffedWithin400Days()
    {
        var mondays = Enumerable.Range(0, 60).Select(w => new DateOnly(2026, 6, 1).AddDays(7 * w).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        StaffedHours hours = Create(NewYork, new Dictionary<string, string[]> { ["Monday"] = NineToFive }, mondays);

        Assert.Null(hours.NextStaffedAt(NewYorkTime("2026-05-30T12:00:00")));
        Assert.Null(hours.AddStaffedTime(NewYorkTime("2026-05-30T12:00:00"), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void NextStaffedAt_ShouldFindTheFirstStaffedDay_AfterALeapDay()
    {
        StaffedHours hours = Create(NewYork, new Dictionary<string, string[]> { ["Tuesday"] = ["09:00-17:00"], ["Wed"] = ["10:00-12:00"] }, "2028-03-01");

        Assert.Equal(NewYorkTime("2028-02-29T09:00:00"), hours.NextStaffedAt(NewYorkTime("2028-02-28T12:00:00")));
        Assert.True(hours.IsStaffed(NewYorkTime("2028-02-29T16:00:00")));
        Assert.Equal(NewYorkTime("2028-03-07T09:00:00"), hours.NextStaffedAt(NewYorkTime("2028-02-29T17:00:00")));
    }

    [Fact]
    public void IsStaffed_ShouldFollowAWindowOnALeapDay()
    {
        StaffedHours hours = Create(NewYork, new Dictionary<string, string[]> { ["Tue"] = ["22:00-02:00"] });

        Assert.True(hours.IsStaffed(NewYorkTime("2028-02-29T23:00:00")));
        Assert.True(hours.IsStaffed(NewYorkTime("2028-03-01T01:59:00")));
        Assert.False(hours.IsStaffed(NewYorkTime("2028-03-01T02:00:00")));
    }

    [Fact]
    public void NextClosedAt_ShouldReturnTheInstantItself_WhenClosed()
    {
        StaffedHours hours = Create(NewYork, Weekdays());
        DateTimeOffset saturday = NewYorkTime("2026-06-06T12:00:00");

        Assert.Equal(saturday, hours.NextClosedAt(saturday));
    }

    [Fact]
    public void NextClosedAt_ShouldBeTheEndOfTheWindow_WhenStaffed()
    {
        StaffedHours hours = Create(NewYork, Weekdays());

        Assert.Equal(NewYorkTime("2026-06-03T17:00:00"), hours.NextClosedAt(NewYorkTime("2026-06-03T09:00:00")));
    }

    [Fact]
    public void NextClosedAt_ShouldMergeWindowsThatMeetAtMidnight()
    {
        StaffedHours hours = Create(NewYork, new Dictionary<string, string[]>
        {
            ["Monday"] = ["22:00-24:00"],
            ["Tuesday"] = ["00:00-06:00", "09:00-10:00"],
        });

        Assert.Equal(NewYorkTime("2026-06-02T06:00:00"), hours.NextClosedAt(NewYorkTime("2026-06-01T23:00:00")));
    }

    [Fact]
    public void NextClosedAt_ShouldMergeAPastMidnightWindowWithTheNextDaysWindow()
    {
        StaffedHours hours = Create(NewYork, new Dictionary<string, string[]>
        {
            ["Friday"] = ["22:00-02:00"],
            ["Saturday"] = ["02:00-05:00"],
        });

        Assert.Equal(NewYorkTime("2026-06-06T05:00:00"), hours.NextClosedAt(NewYorkTime("2026-06-05T22:30:00")));
        Assert.Equal(NewYorkTime("2026-06-06T05:00:00"), hours.NextClosedAt(NewYorkTime("2026-06-06T02:00:00")));
    }

    [Fact]
    public void NextClosedAt_ShouldBeNull_WhenAlwaysStaffed()
    {
        var always = Enum.GetNames<DayOfWeek>().ToDictionary(d => d, _ => new[] { "00:00-24:00" });
        StaffedHours hours = Create(NewYork, always);

        Assert.Null(hours.NextClosedAt(NewYorkTime("2026-06-03T10:00:00")));
        Assert.True(hours.IsStaffed(NewYorkTime("2026-06-03T00:00:00")));
    }

    [Fact]
    public void SplitShift_ShouldCloseForLunch()
    {
        StaffedHours hours = Create(NewYork, new Dictionary<string, string[]> { ["Friday"] = ["13:00-17:00", "09:00-12:00"] });

        Assert.False(hours.IsStaffed(NewYorkTime("2026-06-05T12:30:00")));
        Assert.Equal(NewYorkTime("2026-06-05T13:00:00"), hours.NextStaffedAt(NewYorkTime("2026-06-05T12:00:00")));
        Assert.Equal(NewYorkTime("2026-06-05T12:00:00"), hours.NextClosedAt(NewYorkTime("2026-06-05T10:00:00")));
        Assert.Equal(NewYorkTime("2026-06-05T13:20:00"), hours.AddStaffedTime(NewYorkTime("2026-06-05T11:50:00"), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void StaffedTimeBetween_ShouldCountOnlyStaffedTime_AndBeTheInverseOfAddStaffedTime()
    {
        StaffedHours hours = Create(NewYork, Weekdays());
        var friday = NewYorkTime("2026-06-05T16:50:00");
        var monday = NewYorkTime("2026-06-08T09:20:00");

        Assert.Equal(TimeSpan.FromMinutes(30), hours.StaffedTimeBetween(friday, monday));
        Assert.Equal(TimeSpan.FromMinutes(-30), hours.StaffedTimeBetween(monday, friday));
        Assert.Equal(TimeSpan.Zero, hours.StaffedTimeBetween(NewYorkTime("2026-06-06T10:00:00"), NewYorkTime("2026-06-07T10:00:00")));
        Assert.Equal(TimeSpan.FromHours(4), hours.StaffedTimeBetween(friday, hours.AddStaffedTime(friday, TimeSpan.FromHours(4))!.Value));
    }

    [Fact]
    public void AddStaffedTime_ShouldCountOnlyStaffedTime_AcrossTheWeekend()
    {
        StaffedHours hours = Create(NewYork, Weekdays());

        DateTimeOffset? due = hours.AddStaffedTime(NewYorkTime("2026-06-05T16:50:00"), TimeSpan.FromMinutes(30));

        Assert.Equal(NewYorkTime("2026-06-08T09:20:00"), due);
    }

    [Fact]
    public void AddStaffedTime_ShouldStartCountingAtTheNextWindow_WhenStartedWhileClosed()
    {
        StaffedHours hours = Create(NewYork, Weekdays());

        Assert.Equal(NewYorkTime("2026-06-08T13:00:00"), hours.AddStaffedTime(NewYorkTime("2026-06-06T08:00:00"), TimeSpan.FromHours(4)));
        Assert.Equal(NewYorkTime("2026-06-09T10:00:00"), hours.AddStaffedTime(NewYorkTime("2026-06-08T10:00:00"), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void AddStaffedTime_ShouldEndAtTheWindowEnd_WhenTheDurationRunsOutThere()
    {
        StaffedHours hours = Create(NewYork, Weekdays());
        DateTimeOffset start = NewYorkTime("2026-06-05T16:50:00");

        Assert.Equal(NewYorkTime("2026-06-05T17:00:00"), hours.AddStaffedTime(start, TimeSpan.FromMinutes(10)));
        Assert.Equal(start, hours.AddStaffedTime(start, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => hours.AddStaffedTime(start, TimeSpan.FromMinutes(-1)));
    }

    [Fact]
    public void PastMidnightWindow_ShouldEndAtMidnight_WhenTheNextDayIsClosed()
    {
        // Friday 2026-06-05 22:00-02:00; Saturday 2026-06-06 is closed from its 00:00.
        StaffedHours hours = Create(NewYork, new Dictionary<string, string[]> { ["Friday"] = ["22:00-02:00"], ["Monday"] = NineToFive }, "2026-06-06");

        Assert.True(hours.IsStaffed(NewYorkTime("2026-06-05T23:59:00")));
        Assert.False(hours.IsStaffed(NewYorkTime("2026-06-06T00:30:00")));
        Assert.Equal(NewYorkTime("2026-06-06T00:00:00"), hours.NextClosedAt(NewYorkTime("2026-06-05T23:00:00")));
    }

    [Fact]
    public void PastMidnightWindow_ShouldNotBeStaffed_WhenItStartsOnAClosedDay()
    {
        // Friday 2026-06-05 is closed; its 22:00-02:00 window belongs to it, so Saturday 01:00 is not staffed either.
        StaffedHours hours = Create(NewYork, new Dictionary<string, string[]> { ["Friday"] = ["22:00-02:00"], ["Saturday"] = ["10:00-14:00"] }, "2026-06-05");

        Assert.False(hours.IsStaffed(NewYorkTime("2026-06-05T23:00:00")));
        Assert.False(hours.IsStaffed(NewYorkTime("2026-06-06T01:00:00")));
        Assert.Equal(NewYorkTime("2026-06-06T10:00:00"), hours.NextStaffedAt(NewYorkTime("2026-06-05T21:00:00")));
        Assert.False(hours.IsClosedDate(new DateOnly(2026, 6, 6)));
    }

    [Fact]
    public void PastMidnightWindow_ShouldRunIntoTheNextDay_WhenBothAreOpen()
    {
        StaffedHours hours = Create(NewYork, new Dictionary<string, string[]> { ["Sunday"] = ["22:00-02:00"] });

        // Sunday night into Monday, across the week boundary.
        Assert.True(hours.IsStaffed(NewYorkTime("2026-06-08T01:00:00")));
        Assert.Equal(NewYorkTime("2026-06-08T02:00:00"), hours.NextClosedAt(NewYorkTime("2026-06-07T22:00:00")));
    }

    [Fact]
    public void IsClosedDate_ShouldBeFalse_ForADayWithoutWindows()
    {
        StaffedHours hours = Create(NewYork, Weekdays(), "2026-12-25");

        Assert.False(hours.IsClosedDate(new DateOnly(2026, 6, 6)));
        Assert.True(hours.IsClosedDate(new DateOnly(2026, 12, 25)));
        Assert.False(hours.IsClosedDate(new DateOnly(2027, 12, 25)));
    }

    [Fact]
    public void Create_ShouldAcceptAbbreviatedAndCaseInsensitiveDayNames()
    {
        StaffedHours hours = Create(NewYork, new Dictionary<string, string[]> { ["mon"] = NineToFive, ["FRIDAY"] = ["9:00-12:00"] });

        Assert.True(hours.IsStaffed(NewYorkTime("2026-06-01T09:00:00")));
        Assert.True(hours.IsStaffed(NewYorkTime("2026-06-05T11:00:00")));
        Assert.Equal(NewYork, hours.TimeZoneId);
        Assert.Equal(TimeSpan.FromHours(-5), hours.TimeZone.GetUtcOffset(new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void IsStaffed_ShouldNotAllocate_WhenDatesAreCached()
    {
        StaffedHours hours = Create(NewYork, Weekdays(), "2026-12-25");
        DateTimeOffset start = NewYorkTime("2026-06-01T00:00:00");
        for (int i = 0; i < 7 * 24; i++)
        {
            _ = hours.IsStaffed(start.AddHours(i));
            _ = hours.NextStaffedAt(start.AddHours(i));
        }

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        int staffed = 0;
        for (int i = 0; i < 7 * 24; i++)
        {
            staffed += hours.IsStaffed(start.AddHours(i)) ? 1 : 0;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal(5 * 8, staffed);
        Assert.Equal(0, allocated);
    }
}
