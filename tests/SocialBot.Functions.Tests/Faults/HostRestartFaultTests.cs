namespace SocialBot.Functions.Tests.Faults;

/// <summary>The standalone host stopped mid-batch and restarted three times while mentions keep arriving.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class HostRestartFaultTests : IAsyncLifetime
{
    private const int PerCycle = 40;
    private const int Cycles = 3;

    private readonly AzuriteFixture _azurite;

    public HostRestartFaultTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
    }

    public Task InitializeAsync() => _azurite.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Host_ShouldGiveEveryMentionOneOutcomeAndOneReply_WhenStoppedMidBatchThreeTimes()
    {
        // Arrange
        var channel = new FaultyReplyChannel();

        // Act
        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            await FaultApp.EnqueueMentionsAsync(_azurite, "restart", cycle * PerCycle, PerCycle / 2);
            var app = await FaultApp.StartAsync(_azurite, channel);
            var enqueue = FaultApp.EnqueueMentionsAsync(_azurite, "restart", (cycle * PerCycle) + (PerCycle / 2), PerCycle / 2);
            var started = channel.Deliveries.Count;
            Assert.True(await TestQueues.EventuallyAsync(() => Task.FromResult(channel.Deliveries.Count > started), TimeSpan.FromSeconds(20)), $"cycle {cycle}: nothing delivered");
            await app.StopAsync(TimeSpan.FromMilliseconds(100));
            await app.DisposeAsync();
            await enqueue;
        }

        const int total = PerCycle * Cycles;
        await using var last = await FaultApp.StartAsync(_azurite, channel);
        // A message whose handling was under way when the host stopped stays invisible on its queue until the queue
        // extension's lease runs out (about 10 minutes), then it is handled again (the ledger and the send claim absorb
        // the repeat). So the run has settled when nothing visible is left on either queue, and then every mention has
        // its outcome or is still leased on the mentions queue (status counts those as pending), and every reply is
        // delivered or still leased.
        var drained = await TestQueues.EventuallyAsync(
            async () => (await TestQueues.PeekAsync(_azurite, "mentions")).Count == 0
                && (await TestQueues.PeekAsync(_azurite, "replies")).Count == 0
                && await last.Status.ReadAsync() is { } status
                && status.HandedOff + status.Ignored + status.Pending >= total
                && channel.Deliveries.Count + status.Queues["replies"] + status.Pending >= total,
            TimeSpan.FromSeconds(60));

        // Assert
        var final = await last.Status.ReadAsync();
        var outcomes = final.HandedOff + final.Ignored;
        Assert.True(drained, $"did not drain: outcomes {outcomes}, still leased {final.Pending}, replies queued {final.Queues["replies"]}, delivered {channel.Deliveries.Count}");
        Assert.Equal(0, final.Poisoned);
        Assert.InRange(outcomes, 0, total);
        Assert.True(outcomes + final.Pending >= total, $"{outcomes} mentions have an outcome and {final.Pending} are still on the queue, of {total}: a mention was lost");
        Assert.True(
            channel.Deliveries.Count + final.Queues["replies"] + final.Pending >= total,
            $"{outcomes} mentions have an outcome but only {channel.Deliveries.Count} replies were delivered and {final.Queues["replies"]} are queued: a reply was lost");
        Assert.All(channel.Deliveries, pair => Assert.True(pair.Value == 1, $"{pair.Key} delivered {pair.Value} times"));
        Console.WriteLine($"restart faults: {Cycles} stops mid-batch, {total} mentions, {channel.Deliveries.Count} replies, {final.Pending} mentions still leased, max deliveries per reply {channel.Deliveries.Values.Max()}");
    }
}
