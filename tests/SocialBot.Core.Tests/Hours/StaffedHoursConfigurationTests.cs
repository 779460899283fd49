using SocialBot.Core.Configuration;
using SocialBot.Core.Hours;
using static SocialBot.Core.Tests.Hours.StaffedHoursTestData;

namespace SocialBot.Core.Tests.Hours;

/// <summary>Every configuration mistake is refused with the exact key and a readable problem.</summary>
public sealed class StaffedHoursConfigurationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("staffed-hours-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_ShouldRequireATimeZone(string timeZone)
    {
        AssertRefused(Options(timeZone, Weekdays()), "SocialBot:StaffedHours:TimeZone", "is required");
    }

    [Fact]
    public void Create_ShouldRefuseAnUnknownTimeZone()
    {
        AssertRefused(Options("Mars/Base", Weekdays()), "SocialBot:StaffedHours:TimeZone", "'Mars/Base' is not a known IANA time zone id");
    }

    [Fact]
    public void Create_ShouldRefuseOverlappingWindows()
    {
        var weekly = new Dictionary<string, string[]> { ["Friday"] = ["11:00-13:00", "09:00-12:00"] };

        AssertRefused(Options(NewYork, weekly), "SocialBot:StaffedHours:Weekly:Friday", "09:00-12:00 overlaps 11:00-13:00");
    }

    [Fact]
    public void Create_ShouldRefuseAnEmptyWindow()
    {
        var weekly = new Dictionary<string, string[]> { ["Friday"] = ["10:00-10:00"] };

        AssertRefused(Options(NewYork, weekly), "SocialBot:StaffedHours:Weekly:Friday", "10:00-10:00 is empty");
    }

    [Theory]
    [InlineData("9am-5pm")]
    [InlineData("09:00")]
    [InlineData("09:00-17:00-18:00")]
    [InlineData("25:00-26:00")]
    [InlineData("09:60-17:00")]
    [InlineData("24:00-02:00")]
    [InlineData("09:00-24:30")]
    [InlineData("")]
    public void Create_ShouldRefuseAMalformedWindow(string window)
    {
        var weekly = new Dictionary<string, string[]> { ["Friday"] = [window] };

        AssertRefused(Options(NewYork, weekly), "SocialBot:StaffedHours:Weekly:Friday", $"{window} is not HH:mm-HH:mm");
    }

    [Fact]
    public void Create_ShouldRefuseAnUnknownDayName()
    {
        var weekly = new Dictionary<string, string[]> { ["Monday"] = NineToFive, ["Funday"] = NineToFive };

        AssertRefused(Options(NewYork, weekly), "SocialBot:StaffedHours:Weekly:Funday", "'Funday' is not a day name");
    }

    [Fact]
    public void Create_ShouldRefuseTheSameDayTwice()
    {
        var weekly = new Dictionary<string, string[]> { ["Monday"] = NineToFive, ["Mon"] = ["18:00-19:00"] };

        AssertRefused(Options(NewYork, weekly), "SocialBot:StaffedHours:Weekly:Mon", "repeats 'Monday'");
    }

    [Fact]
    public void Create_ShouldRefuseAWeekWithoutWindows()
    {
        var weekly = new Dictionary<string, string[]> { ["Monday"] = [] };

        AssertRefused(Options(NewYork, weekly), "SocialBot:StaffedHours:Weekly", "no staffed windows: the team would never be staffed");
        AssertRefused(Options(NewYork, new Dictionary<string, string[]>()), "SocialBot:StaffedHours:Weekly", "no staffed windows");
    }

    [Fact]
    public void Create_ShouldRefuseAPastMidnightWindowThatOverlapsTheNextDay()
    {
        var weekly = new Dictionary<string, string[]> { ["Friday"] = ["22:00-02:00"], ["Saturday"] = ["01:00-05:00"] };

        AssertRefused(Options(NewYork, weekly), "SocialBot:StaffedHours:Weekly:Friday", "22:00-02:00 runs past midnight and overlaps Saturday's 01:00-05:00");
    }

    [Fact]
    public void Create_ShouldRefuseAPastMidnightSundayWindowThatOverlapsMonday()
    {
        var weekly = new Dictionary<string, string[]> { ["Sun"] = ["20:00-10:00"], ["Monday"] = NineToFive };

        AssertRefused(Options(NewYork, weekly), "SocialBot:StaffedHours:Weekly:Sun", "overlaps Monday's 09:00-17:00");
    }

    [Fact]
    public void Create_ShouldRefuseABadClosedDate_NamingItsIndex()
    {
        AssertRefused(Options(NewYork, Weekdays(), "2026-12-25", "2026-12-26", "2026-13-01"), "SocialBot:StaffedHours:Closed:2", "'2026-13-01' is not a date (yyyy-MM-dd)");
        AssertRefused(Options(NewYork, Weekdays(), "25/12/2026"), "SocialBot:StaffedHours:Closed:0", "'25/12/2026' is not a date");
    }

    [Fact]
    public void Create_ShouldRefuseAMissingCalendarFile()
    {
        StaffedHoursOptions options = Options(NewYork, Weekdays());
        options.HolidayCalendar = "missing.ics";

        var exception = Assert.Throws<SocialBotConfigurationException>(() => StaffedHours.Create(options, _directory));

        Assert.Equal("SocialBot:StaffedHours:HolidayCalendar", exception.Key);
        Assert.Contains(Path.Combine(_directory, "missing.ics"), exception.Problem, StringComparison.Ordinal);
        Assert.Contains("does not exist", exception.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is not a calendar", "is not a")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:No start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "the event 'No start' has no DTSTART")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nRRULE:FREQ=SOMETIMES\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "is not a readable iCalendar file")]
    public void Create_ShouldRefuseAnUnparseableCalendarFile(string content, string problem)
    {
        string path = Path.Combine(_directory, "broken.ics");
        File.WriteAllText(path, content);
        StaffedHoursOptions options = Options(NewYork, Weekdays());
        options.HolidayCalendar = "broken.ics";

        var exception = Assert.Throws<SocialBotConfigurationException>(() => StaffedHours.Create(options, _directory));

        Assert.Equal("SocialBot:StaffedHours:HolidayCalendar", exception.Key);
        Assert.Contains(problem, exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ShouldAcceptWindowsThatTouch()
    {
        var weekly = new Dictionary<string, string[]> { ["Friday"] = ["09:00-12:00", "12:00-17:00", "22:00-02:00"], ["Saturday"] = ["02:00-04:00"] };

        StaffedHours hours = StaffedHours.Create(Options(NewYork, weekly));

        Assert.Equal(NewYorkTime("2026-06-05T17:00:00"), hours.NextClosedAt(NewYorkTime("2026-06-05T09:00:00")));
    }

    private static void AssertRefused(StaffedHoursOptions options, string key, string problem)
    {
        var exception = Assert.Throws<SocialBotConfigurationException>(() => StaffedHours.Create(options));

        Assert.Equal(key, exception.Key);
        Assert.Contains(problem, exception.Problem, StringComparison.Ordinal);
        Assert.StartsWith(key + ": ", exception.Message, StringComparison.Ordinal);
    }
}
