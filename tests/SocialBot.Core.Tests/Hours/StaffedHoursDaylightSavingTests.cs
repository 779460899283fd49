using SocialBot.Core.Hours;
using static SocialBot.Core.Tests.Hours.StaffedHoursTestData;

namespace SocialBot.Core.Tests.Hours;

/// <summary>Windows on the days clocks change, in both hemispheres.</summary>
public sealed class StaffedHoursDaylightSavingTests
{
    private const string London = "Europe/London";
    private const string Sydney = "Australia/Sydney";

    [Fact]
    public void SpringForward_ShouldStartAWindowInTheGapAtTheFirstInstantAfterIt()
    {
        // New York springs forward on Sunday 2026-03-08: 02:00 EST becomes 03:00 EDT (07:00Z).
        StaffedHours hours = Create(NewYork, new Dictionary<string, string[]> { ["Sunday"] = ["02:30-05:00"] });

        DateTimeOffset? opens = hours.NextStaffedAt(Utc("2026-03-08T05:00:00Z"));

        Assert.Equal(Utc("2026-03-08T07:00:00Z"), opens);
        Assert.Equal(TimeSpan.FromHours(-4), opens!.Value.Offset);
        Assert.Equal(Utc("2026-03-08T09:00:00Z"), hours.NextClosedAt(opens.Value));
    }

    [Fact]
    public void SpringForward_ShouldMakeA0100To0300WindowOneHourLong()
    {
        StaffedHours hours = Create(NewYork, new Dictionary<string, string[]> { ["Sunday"] = ["01:00-03:00"] });

        DateTimeOffset opens = hours.NextStaffedAt(Utc("2026-03-08T00:00:00Z"))!.Value;
        DateTimeOffset closes = hours.NextClosedAt(opens)!.Value;

        Assert.Equal(Utc("2026-03-08T06:00:00Z"), opens);
        Assert.Equal(TimeSpan.FromHours(1), closes - opens);
    }

    [Fact]
    public void FallBack_ShouldMakeA0100To0200WindowTwoHoursLong()
    {
        // New York falls back on Sunday 2026-11-01: 02:00 EDT becomes 01:00 EST, so 01:00-02:00 happens twice.
        StaffedHours hours = Create(NewYork, new Dictionary<string, string[]> { ["Sunday"] = ["01:00-02:00"] });

        DateTimeOffset opens = hours.NextStaffedAt(Utc("2026-11-01T00:00:00Z"))!.Value;
        DateTimeOffset closes = hours.NextClosedAt(opens)!.Value;

        Assert.Equal(Utc("2026-11-01T05:00:00Z"), opens);
        Assert.Equal(Utc("2026-11-01T07:00:00Z"), closes);
        Assert.True(hours.IsStaffed(Utc("2026-11-01T06:30:00Z")));
        Assert.Equal(Utc("2026-11-01T06:30:00Z"), hours.AddStaffedTime(opens, TimeSpan.FromMinutes(90)));
    }

    [Fact]
    public void AddStaffedTime_ShouldCountElapsedTime_AcrossSpringForward()
    {
        // Saturday 22:00 EST to Sunday 06:00 EDT is seven real hours, not eight.
        StaffedHours hours = Create(NewYork, new Dictionary<string, string[]> { ["Saturday"] = ["22:00-06:00"] });
        DateTimeOffset start = NewYorkTime("2026-03-07T22:00:00");

        Assert.Equal(NewYorkTime("2026-03-08T06:00:00"), hours.AddStaffedTime(start, TimeSpan.FromHours(7)));
        Assert.Equal(NewYorkTime("2026-03-14T22:00:00"), hours.NextStaffedAt(NewYorkTime("2026-03-08T06:00:00")));
    }

    [Fact]
    public void London_ShouldHandleBothChanges()
    {
        // 2026-03-29 01:00 GMT becomes 02:00 BST; 2026-10-25 02:00 BST becomes 01:00 GMT. Saturday's late window
        // ends at 01:30 local, which is in the gap in March (so 02:00 BST) and happens twice in October (the second).
        StaffedHours hours = Create(London, new Dictionary<string, string[]> { ["Sunday"] = ["01:30-03:00"], ["Saturday"] = ["23:00-01:30"] });

        Assert.Equal(Utc("2026-03-28T23:00:00Z"), hours.NextStaffedAt(Utc("2026-03-28T22:00:00Z")));
        Assert.Equal(Utc("2026-03-29T02:00:00Z"), hours.NextClosedAt(Utc("2026-03-28T23:30:00Z")));
        Assert.True(hours.IsStaffed(Utc("2026-03-29T00:59:00Z")));

        Assert.True(hours.IsStaffed(Utc("2026-10-25T00:30:00Z")));
        Assert.True(hours.IsStaffed(Utc("2026-10-25T01:15:00Z")));
        Assert.Equal(Utc("2026-10-25T03:00:00Z"), hours.NextClosedAt(Utc("2026-10-24T22:00:00Z")));
    }

    [Fact]
    public void London_ShouldBeOneHourAheadOfUtc_InSummer()
    {
        StaffedHours hours = Create(London, Weekdays());

        Assert.Equal(Utc("2026-07-06T08:00:00Z"), hours.NextStaffedAt(Utc("2026-07-04T12:00:00Z")));
        Assert.Equal(Utc("2026-01-05T09:00:00Z"), hours.NextStaffedAt(Utc("2026-01-03T12:00:00Z")));
    }

    [Fact]
    public void Sydney_ShouldStartDaylightSavingInOctober()
    {
        // 2026-10-04 02:00 AEST (+10) becomes 03:00 AEDT (+11).
        StaffedHours hours = Create(Sydney, new Dictionary<string, string[]> { ["Sunday"] = ["01:00-03:00"] });

        DateTimeOffset opens = hours.NextStaffedAt(Utc("2026-10-03T12:00:00Z"))!.Value;
        DateTimeOffset closes = hours.NextClosedAt(opens)!.Value;

        Assert.Equal(Utc("2026-10-03T15:00:00Z"), opens);
        Assert.Equal(TimeSpan.FromHours(1), closes - opens);
        Assert.Equal(TimeSpan.FromHours(11), closes.Offset);
    }

    [Fact]
    public void Sydney_ShouldEndDaylightSavingInApril()
    {
        // 2026-04-05 03:00 AEDT (+11) becomes 02:00 AEST (+10), so 02:00-03:00 happens twice.
        StaffedHours hours = Create(Sydney, new Dictionary<string, string[]> { ["Sunday"] = ["02:00-03:00"] });

        DateTimeOffset opens = hours.NextStaffedAt(Utc("2026-04-04T12:00:00Z"))!.Value;
        DateTimeOffset closes = hours.NextClosedAt(opens)!.Value;

        Assert.Equal(Utc("2026-04-04T15:00:00Z"), opens);
        Assert.Equal(Utc("2026-04-04T17:00:00Z"), closes);
    }

    [Fact]
    public void Sydney_ShouldBeElevenHoursAheadOfUtc_InJanuary()
    {
        StaffedHours hours = Create(Sydney, Weekdays());

        DateTimeOffset? next = hours.NextStaffedAt(Utc("2026-01-10T00:00:00Z"));

        Assert.Equal(Utc("2026-01-11T22:00:00Z"), next);
        Assert.Equal(TimeSpan.FromHours(11), next!.Value.Offset);
    }
}
