using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Processing;
using SocialBot.Core.Triage;
using SocialBot.Testing;

namespace SocialBot.Cli.Tests;

/// <summary>Finding 3 of issue 12: whatever a customer writes, the handoff reaches the desk, and one bad ticket never blocks the others.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class HandoffImportLimitsTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private readonly AgentDesk _desk;

    public HandoffImportLimitsTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _desk = new AgentDesk(azurite);
    }

    public async Task InitializeAsync()
    {
        _desk.Cli.Time.SetUtcNow(AgentDesk.Local(2026, 11, 24, 10, 0));
        await _desk.ProvisionAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("😡", 5_000)]
    [InlineData("x", 40_000)]
    public async Task Show_ShouldReturnTheWholeText_WhenTheTicketIsLargerThanATableProperty(string unit, int count)
    {
        // Arrange: 5,000 emoji were 60,000 characters of escaped JSON; 40,000 letters are over 32K however written.
        var text = string.Concat(Enumerable.Repeat(unit, count));
        var id = await _desk.HandOffAsync("long-1", HandoffPriority.Urgent, AgentDesk.Local(2026, 11, 24, 9, 0), text: text);

        // Act
        var show = await _desk.Cli.RunAsync("agent", "show", id, "--format", "json");

        // Assert
        Assert.Equal(0, show.ExitCode);
        Assert.Equal(text, show.Json.GetProperty("ticket").GetProperty("mention").GetProperty("text").GetString());
    }

    [Fact]
    public async Task List_ShouldPoisonABadTicketWithTheReason_AndImportTheOthers()
    {
        // Arrange
        var bad = """{"id":"twitter/bad-1","mention":null,"priority":"urgent","reasons":[],"arrivedAfterHours":false,"handedOffAt":"2026-11-24T09:00:00-05:00","trace":[]}""";
        await _azurite.Queues.GetQueueClient("handoffs-urgent").SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(bad)));
        var good = await _desk.HandOffAsync("good-1", HandoffPriority.Urgent, AgentDesk.Local(2026, 11, 24, 9, 5));

        // Act
        var list = await _desk.Cli.RunAsync("agent", "list", "--format", "json");
        var poisoned = await _desk.DrainAsync("handoffs-urgent-poison");

        // Assert
        Assert.Equal(0, list.ExitCode);
        Assert.Equal(good, Assert.Single(list.Json.EnumerateArray()).GetProperty("id").GetString());
        var poison = AgentDesk.Parse<PoisonMessage>(Assert.Single(poisoned));
        Assert.Contains("mention", poison.Reason, StringComparison.Ordinal);
        Assert.Equal(bad, poison.Message);
    }

    [Fact]
    public async Task EnqueueNotice_ShouldFitAQueueMessage_WhenTheTextIsIncludedAndHuge()
    {
        // Arrange
        using var services = _desk.Services();
        var notice = new EscalationNotice
        {
            HandoffId = "twitter/huge-1",
            Priority = HandoffPriority.Urgent,
            Channel = "twitter",
            Reasons = ["negative sentiment (-0.80)"],
            ArrivedAfterHours = true,
            Text = string.Concat(Enumerable.Repeat("😡", 20_000)),
        };

        // Act
        await services.GetRequiredService<IEscalationQueue>().EnqueueAsync(notice);
        var queued = await _desk.DrainAsync("notifications");

        // Assert
        var stored = AgentDesk.Parse<EscalationNotice>(Assert.Single(queued));
        Assert.Equal("twitter/huge-1", stored.HandoffId);
        Assert.EndsWith("[cut]", stored.Text, StringComparison.Ordinal);
        Assert.StartsWith("😡😡😡", stored.Text, StringComparison.Ordinal);
    }
}
