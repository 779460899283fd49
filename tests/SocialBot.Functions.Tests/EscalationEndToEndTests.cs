using System.Text.Json;
using SocialBot.Testing.Bot;

namespace SocialBot.Functions.Tests;

/// <summary>
/// The on-call page end to end through the local host: an urgent mention after hours is triaged (TriageMention), its
/// notice queued on <c>notifications</c>, and NotifyEscalation POSTs it to the escalation webhook, once.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class EscalationEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private readonly AzuriteFixture _azurite;

    public EscalationEndToEndTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
    }

    public Task InitializeAsync() => _azurite.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task UrgentMentionAfterHours_ShouldPageTheEscalationWebhookOnce()
    {
        // Arrange
        await using var webhook = await FakeHttpServer.StartAsync((context, _, _) =>
        {
            context.Response.StatusCode = 200;
            return Task.CompletedTask;
        });
        await using var app = await RunningApp.StartAsync(_azurite, FixedClock.AfterHours, new Dictionary<string, string?>
        {
            ["SocialBot:Escalation:WebhookUrl"] = webhook.BaseUrl + "/page",
            ["SocialBot:Escalation:OnCall"] = "@oncall-maria",
        });

        // Act
        await TestQueues.EnqueueAsync(_azurite, "mentions", TestQueues.Sample("refund-complaint.json"));
        var paged = await TestQueues.EventuallyAsync(() => Task.FromResult(webhook.Requests.Count > 0), Limit);
        var settled = await TestQueues.EventuallyAsync(
            async () => (await app.Status.ReadAsync()) is { Pending: 0, HandedOff: 1 } status && status.Queues["notifications"] == 0,
            Limit);

        // Assert
        Assert.True(paged, "the escalation webhook was never called");
        Assert.True(settled, "the mention and its notice did not settle");
        var request = Assert.Single(webhook.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/page", request.Path);
        using var notice = JsonDocument.Parse(request.Body);
        Assert.Equal("urgent", notice.RootElement.GetProperty("priority").GetString(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("@oncall-maria", notice.RootElement.GetProperty("onCall").GetString());
        Assert.True(notice.RootElement.GetProperty("arrivedAfterHours").GetBoolean());
        Assert.Empty(await TestQueues.PeekAsync(_azurite, "notifications-poison"));
    }
}
