namespace SocialBot.Cli.Tests;

public sealed class HoursCommandTests
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task Hours_ShouldReportClosedAndNextOpening_OnWeekdayEvening()
    {
        var result = await _cli.RunAsync("hours", "--at", "2026-11-23T21:00:00-05:00");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.False(result.Json.GetProperty("staffed").GetBoolean());
        Assert.Equal("America/New_York", result.Json.GetProperty("timeZone").GetString());
        Assert.Equal("2026-11-24T09:00:00-05:00", result.Json.GetProperty("nextStaffedAt").GetString());
        Assert.Equal("2026-11-23T21:00:00-05:00", result.Json.GetProperty("nextClosedAt").GetString());
    }

    [Fact]
    public async Task Hours_ShouldReportNextClosing_WhenStaffed()
    {
        var result = await _cli.RunAsync("hours", "--at", "2026-11-24T10:00:00-05:00");

        Assert.True(result.Json.GetProperty("staffed").GetBoolean());
        Assert.Equal("2026-11-24T17:00:00-05:00", result.Json.GetProperty("nextClosedAt").GetString());
    }

    [Fact]
    public async Task Hours_ShouldSkipChristmas_WithDefaults()
    {
        var result = await _cli.RunAsync("hours", "--at", "2026-12-24T18:00:00-05:00");

        Assert.Equal("2026-12-28T09:00:00-05:00", result.Json.GetProperty("nextStaffedAt").GetString());
    }

    [Fact]
    public async Task Hours_ShouldPrintText_WhenAsked()
    {
        var result = await _cli.RunAsync("hours", "--at", "2026-11-23T21:00:00-05:00", "--format", "text");

        Assert.StartsWith("Closed at Mon 2026-11-23 21:00 -05:00 (America/New_York)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hours_ShouldExit2_WhenAtHasNoOffset()
    {
        var result = await _cli.RunAsync("hours", "--at", "2026-11-23T21:00:00");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("socialbot: --at: '2026-11-23T21:00:00' is not an ISO 8601 instant with an offset", result.Error, StringComparison.Ordinal);
    }
}
