using SocialBot.Core.Configuration;
using SocialBot.Core.Hours;
using static SocialBot.Core.Tests.Hours.StaffedHoursTestData;

namespace SocialBot.Core.Tests.Hours;

/// <summary>Closures from <c>TestData/holidays.ics</c>: a yearly Independence Day, a two-week year-end shutdown and timed events.</summary>
public sealed class StaffedHoursCalendarTests
{
    private readonly StaffedHours _hours;

    public StaffedHoursCalendarTests()
    {
        StaffedHoursOptions options = Options(NewYork, Weekdays(), "2026-12-25");
        options.HolidayCalendar = "holidays.ics";
        _hours = StaffedHours.Create(options, TestDataDirectory());
    }

    [Theory]
    [InlineData("2025-07-04")]
    [InlineData("2026-07-04")]
    [InlineData("2030-07-04")]
    [InlineData("2040-07-04")]
    public void IsClosedDate_ShouldFollowAYearlyRecurringHoliday(string date)
    {
        Assert.True(_hours.IsClosedDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void IsStaffed_ShouldBeFalse_OnARecurringHolidayThatIsAWeekday()
    {
        // 2030-07-04 is a Thursday.
        Assert.False(_hours.IsStaffed(NewYorkTime("2030-07-04T10:00:00")));
        Assert.True(_hours.IsStaffed(NewYorkTime("2030-07-05T10:00:00")));
        Assert.False(_hours.IsClosedDate(new DateOnly(2030, 7, 3)));
    }

    [Fact]
    public void NextStaffedAt_ShouldSkipTheYearEndShutdown()
    {
        DateTimeOffset? next = _hours.NextStaffedAt(NewYorkTime("2026-12-20T19:00:00"));

        Assert.Equal(NewYorkTime("2027-01-04T09:00:00"), next);
    }

    [Fact]
    public void IsClosedDate_ShouldCoverEveryDateOfAMultiDayClosure_AndNotTheExclusiveEnd()
    {
        for (var date = new DateOnly(2026, 12, 21); date <= new DateOnly(2027, 1, 3); date = date.AddDays(1))
        {
            Assert.True(_hours.IsClosedDate(date), date.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.False(_hours.IsClosedDate(new DateOnly(2026, 12, 20)));
        Assert.False(_hours.IsClosedDate(new DateOnly(2027, 1, 4)));
    }

    [Fact]
    public void AddStaffedTime_ShouldSkipTheYearEndShutdown()
    {
        DateTimeOffset? due = _hours.AddStaffedTime(NewYorkTime("2026-12-18T16:00:00"), TimeSpan.FromHours(2));

        Assert.Equal(NewYorkTime("2027-01-04T10:00:00"), due);
    }

    [Fact]
    public void TimedEvent_ShouldCloseEveryDateItTouches()
    {
        // 2026-04-15 22:00 to 2026-04-16 01:00 New York time; 2026-05-20 13:00Z-15:00Z is one date.
        Assert.True(_hours.IsClosedDate(new DateOnly(2026, 4, 15)));
        Assert.True(_hours.IsClosedDate(new DateOnly(2026, 4, 16)));
        Assert.False(_hours.IsClosedDate(new DateOnly(2026, 4, 17)));
        Assert.True(_hours.IsClosedDate(new DateOnly(2026, 5, 20)));
        Assert.False(_hours.IsStaffed(NewYorkTime("2026-05-20T16:00:00")));
        Assert.False(_hours.IsClosedDate(new DateOnly(2026, 5, 21)));
    }

    [Fact]
    public void Create_ShouldResolveAnAbsoluteCalendarPath()
    {
        StaffedHoursOptions options = Options(NewYork, Weekdays());
        options.HolidayCalendar = Path.Combine(TestDataDirectory(), "holidays.ics");

        StaffedHours hours = StaffedHours.Create(options, baseDirectory: "/nonexistent");

        Assert.True(hours.IsClosedDate(new DateOnly(2027, 7, 4)));
        Assert.False(hours.IsClosedDate(new DateOnly(2026, 12, 18)));
    }
}
