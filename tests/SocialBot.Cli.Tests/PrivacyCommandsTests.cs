using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Privacy;
using SocialBot.Core.Processing;
using SocialBot.Testing;

namespace SocialBot.Cli.Tests;

/// <summary>Finding 10 of issue 12: retention, <c>socialbot forget</c>, and poison messages that do not silently expire.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PrivacyCommandsTests : IAsyncLifetime
{
    private const string Handoff = "twitter/1861234567890001";

    private readonly AzuriteFixture _azurite;
    private readonly AgentDesk _desk;

    public PrivacyCommandsTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _desk = new AgentDesk(azurite);
    }

    private CliRunner Cli => _desk.Cli;

    public async Task InitializeAsync()
    {
        Cli.Time.SetUtcNow(AgentDesk.Local(2026, 11, 23, 21, 20));
        await _desk.ProvisionAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A triaged complaint everywhere it can be: conversations, handoffs, outbox (sent acknowledgement) and a poison queue.</summary>
    private async Task StoreEverywhereAsync()
    {
        await _desk.TriageAsync("refund-complaint.json");
        Assert.Equal(0, (await Cli.RunAsync("agent", "list")).ExitCode);
        using var services = _desk.Services();
        foreach (var reply in await _desk.DrainAsync("replies"))
        {
            Assert.True((await services.GetRequiredService<SendReplyProcessor>().ProcessAsync(reply)).Completed);
        }

        await services.GetRequiredService<IPoisonQueue>().SendAsync("mentions", new PoisonMessage
        {
            Reason = "test",
            Queue = "mentions",
            DequeueCount = 5,
            PoisonedAt = Cli.Time.GetUtcNow(),
            Message = TestQueues.Sample("refund-complaint.json"),
        });
    }

    [Fact]
    public async Task RetentionRun_ShouldPurgeEveryStore_OnlyOnceTheRetentionPeriodHasPassed()
    {
        // Arrange
        await StoreEverywhereAsync();

        // Act: the storage service stamps rows with its own clock; a ten-year period purges nothing, a run in 2100 everything.
        PrivacyReport early;
        using (var services = _desk.Services(new Dictionary<string, string?> { ["SocialBot:Retention:Days"] = "3650" }))
        {
            early = await services.GetRequiredService<RetentionSweeper>().SweepAsync();
        }

        Cli.Time.SetUtcNow(new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var late = await Cli.RunAsync("retention", "run");
        var again = await Cli.RunAsync("retention", "run");
        var list = await Cli.RunAsync("agent", "list", "--format", "json");
        var poison = await Cli.RunAsync("poison", "list");

        // Assert
        Assert.Equal(0, early.Total);
        var counts = late.Json.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("handoffs").GetInt32());
        Assert.True(counts.GetProperty("conversations").GetInt32() >= 2, late.Output);
        Assert.Equal(1, counts.GetProperty("outbox").GetInt32());
        Assert.Equal(1, counts.GetProperty("mentions-poison").GetInt32());
        Assert.Equal(0, again.Json.GetProperty("total").GetInt32());
        Assert.Empty(list.Json.EnumerateArray());
        Assert.Empty(poison.Json.EnumerateArray());
    }

    [Fact]
    public async Task Forget_ShouldEraseTheAuthorsTextAndName_EverywhereItIsStored_AndReportIt()
    {
        // Arrange
        await StoreEverywhereAsync();
        var other = await _desk.HandOffAsync("other-1", Core.Triage.HandoffPriority.Normal, AgentDesk.Local(2026, 11, 23, 21, 0), text: "Where is my parcel?");

        // Act
        var forget = await Cli.RunAsync("forget", "--network", "twitter", "--author", "98765");
        var show = await Cli.RunAsync("agent", "show", Handoff, "--format", "json");
        var untouched = await Cli.RunAsync("agent", "show", other, "--format", "json");
        var replies = await Cli.RunAsync("replies", "list");
        var poison = await Cli.RunAsync("poison", "list");
        var rows = new List<string>();
        await foreach (var row in _azurite.Tables.GetTableClient("conversations").QueryAsync<global::Azure.Data.Tables.TableEntity>())
        {
            rows.Add(JsonSerializer.Serialize(row.ToDictionary(pair => pair.Key, pair => pair.Value?.ToString())));
        }

        // Assert
        Assert.Equal(0, forget.ExitCode);
        Assert.True(forget.Json.GetProperty("total").GetInt32() >= 4, forget.Output);
        Assert.Equal(1, forget.Json.GetProperty("counts").GetProperty("handoffs").GetInt32());
        Assert.Equal(1, forget.Json.GetProperty("counts").GetProperty("outbox").GetInt32());
        Assert.Equal(1, forget.Json.GetProperty("counts").GetProperty("mentions-poison").GetInt32());
        var mention = show.Json.GetProperty("ticket").GetProperty("mention");
        Assert.Equal("[erased]", mention.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, mention.GetProperty("author").GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKind.Null, mention.GetProperty("author").GetProperty("handle").ValueKind);
        Assert.DoesNotContain("refund", show.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Dana", show.Output, StringComparison.Ordinal);
        Assert.Equal("Where is my parcel?", untouched.Json.GetProperty("ticket").GetProperty("mention").GetProperty("text").GetString());
        Assert.DoesNotContain("Dana", replies.Output, StringComparison.Ordinal);
        Assert.Empty(poison.Json.EnumerateArray());
        Assert.DoesNotContain(rows, row => row.Contains("refund", StringComparison.OrdinalIgnoreCase) || row.Contains("Dana", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PoisonQueue_ShouldKeepMessagesWithoutTheSevenDayExpiry()
    {
        // Arrange
        using var services = _desk.Services();

        // Act
        await services.GetRequiredService<IPoisonQueue>().SendAsync("replies", new PoisonMessage
        {
            Reason = "test",
            Queue = "replies",
            DequeueCount = 5,
            PoisonedAt = Cli.Time.GetUtcNow(),
            Message = "{}",
        });
        var peeked = Assert.Single((await _azurite.Queues.GetQueueClient("replies-poison").PeekMessagesAsync(32)).Value);

        // Assert
        Assert.True(peeked.ExpiresOn > peeked.InsertedOn!.Value.AddYears(100), $"expires {peeked.ExpiresOn}");
    }
}
