namespace SocialBot.Cli.Tests;

public sealed class PreviewCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly string _temp = Directory.CreateTempSubdirectory("socialbot-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Sample(string name) => Path.Combine(CliRunner.Samples, "mentions", name);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_temp, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Preview_ShouldAcknowledgeAndHandOffUrgent_ForAfterHoursComplaint()
    {
        var result = await _cli.RunAsync("preview", "--mention", Sample("refund-complaint.json"), "--at", "2026-11-23T21:15:00-05:00");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.Equal("1861234567890001", json.GetProperty("mentionId").GetString());
        Assert.False(json.GetProperty("staffed").GetBoolean());
        Assert.Equal("2026-11-24T09:00:00-05:00", json.GetProperty("nextStaffedAt").GetString());
        Assert.Equal("negative", json.GetProperty("sentiment").GetProperty("label").GetString());
        Assert.Equal("embedded", json.GetProperty("sentiment").GetProperty("analyzer").GetString());
        Assert.True(json.GetProperty("acknowledge").GetBoolean());
        Assert.Contains("help@contoso.example", json.GetProperty("reply").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("urgent", json.GetProperty("handoff").GetProperty("priority").GetString());
        Assert.Equal("2026-11-24T09:30:00-05:00", json.GetProperty("handoff").GetProperty("dueBy").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("ignored").ValueKind);
        Assert.True(json.GetProperty("trace").GetArrayLength() >= 4);
    }

    [Fact]
    public async Task Preview_ShouldUseClockNow_WhenAtIsAbsent()
    {
        _cli.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.FromHours(-5)));

        var result = await _cli.RunAsync("preview", "--mention", Sample("refund-complaint.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Json.GetProperty("staffed").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.Json.GetProperty("reply").ValueKind);
    }

    [Fact]
    public async Task Preview_ShouldReadStandardInput_WhenMentionIsDash()
    {
        var json = await File.ReadAllTextAsync(Sample("out-of-office.json"));

        var result = await _cli.RunWithInputAsync(json, "preview", "--mention", "-", "--at", "2026-11-23T22:00:00-05:00");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("auto-reply", result.Json.GetProperty("ignored").GetString());
    }

    [Fact]
    public async Task Preview_ShouldUseConfigFile_WhenGiven()
    {
        var config = Path.Combine(CliRunner.Samples, "socialbot.json");

        // Saturday 2026-11-28 11:00 is staffed in the sample configuration (Saturday 10:00-14:00), not in the defaults.
        var result = await _cli.RunAsync("--config", config, "preview", "--mention", Sample("shipping-question.json"), "--at", "2026-11-28T11:00:00-05:00");

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Json.GetProperty("staffed").GetBoolean());
    }

    [Fact]
    public async Task Preview_ShouldPrintReadableText_WhenFormatIsText()
    {
        var result = await _cli.RunAsync("preview", "--mention", Sample("refund-complaint.json"), "--at", "2026-11-23T21:15:00-05:00", "--format", "text");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("outside staffed hours", result.Output, StringComparison.Ordinal);
        Assert.Contains("Handoff: urgent", result.Output, StringComparison.Ordinal);
        Assert.Contains("Why:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_ShouldExit2_WhenMentionFileIsMissing()
    {
        var result = await _cli.RunAsync("preview", "--mention", "nope.json");

        AssertBadInput(result, "socialbot: --mention nope.json: file not found");
    }

    [Fact]
    public async Task Preview_ShouldExit2_WhenMentionIsMalformedJson()
    {
        var path = Write("bad.json", "{\"id\": ");

        var result = await _cli.RunAsync("preview", "--mention", path);

        AssertBadInput(result, $"socialbot: --mention {path}: invalid mention: $: not valid JSON");
    }

    [Fact]
    public async Task Preview_ShouldExit2_NamingEveryBadField_WhenMentionIsInvalid()
    {
        var path = Sample("invalid-missing-author.json");

        var result = await _cli.RunAsync("preview", "--mention", path);

        AssertBadInput(result, $"socialbot: --mention {path}: invalid mention: author: is required; receivedAt: 'yesterday' is not an ISO 8601 timestamp");
    }

    [Fact]
    public async Task Preview_ShouldExit2_WhenAtIsNotAnInstant()
    {
        var result = await _cli.RunAsync("preview", "--mention", Sample("refund-complaint.json"), "--at", "tomorrow");

        AssertBadInput(result, "socialbot: --at: 'tomorrow' is not an ISO 8601 instant with an offset");
    }

    [Fact]
    public async Task Preview_ShouldExit2_WhenMentionOptionIsMissing()
    {
        var result = await _cli.RunAsync("preview");

        AssertBadInput(result, "socialbot: Option '--mention' is required.");
    }

    [Fact]
    public async Task Preview_ShouldExit2_WhenConfigFileIsMissing()
    {
        var result = await _cli.RunAsync("--config", "missing.json", "preview", "--mention", Sample("refund-complaint.json"));

        AssertBadInput(result, "socialbot: --config missing.json: file not found");
    }

    [Fact]
    public async Task Preview_ShouldExit2_WhenConfigFileIsNotJson()
    {
        var path = Write("config.json", "{ SocialBot: ");

        var result = await _cli.RunAsync("--config", path, "preview", "--mention", Sample("refund-complaint.json"));

        AssertBadInput(result, $"socialbot: --config {path}: not valid JSON");
    }

    [Fact]
    public async Task Preview_ShouldExit2_NamingTheKey_WhenConfigIsInvalid()
    {
        var path = Write("config.json", """{ "SocialBot": { "StaffedHours": { "TimeZone": "Mars/Olympus_Mons", "Weekly": { "Monday": ["09:00-17:00"] } } } }""");

        var result = await _cli.RunAsync("--config", path, "preview", "--mention", Sample("refund-complaint.json"));

        AssertBadInput(result, $"socialbot: {path}: SocialBot:StaffedHours:TimeZone: 'Mars/Olympus_Mons'");
    }

    [Fact]
    public async Task Preview_ShouldExit2_WhenFormatIsUnknown()
    {
        var result = await _cli.RunAsync("preview", "--mention", Sample("refund-complaint.json"), "--format", "xml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("xml", result.Error, StringComparison.Ordinal);
    }

    private static void AssertBadInput(CliResult result, string expectedStart)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        var lines = result.Error.TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith(expectedStart, lines[0], StringComparison.Ordinal);
    }
}
