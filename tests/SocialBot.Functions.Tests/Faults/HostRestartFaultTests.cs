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
        // A reply whose delivery was under way when the host stopped stays invisible on the queue until the queue
        // extension's lease runs out (about 10 minutes), then it is delivered (the send claim absorbs a repeat). So the
        // run has drained when every mention has its outcome and every reply is either delivered or still queued.
        var drained = await TestQueues.EventuallyAsync(
            async () => await last.Status.ReadAsync() is { Pending: 0 } status
                && status.HandedOff + status.Ignored == total
                && channel.Deliveries.Count + status.Queues["replies"] == total,
            TimeSpan.FromSeconds(60));

        // Assert
        var final = await last.Status.ReadAsync();
        Assert.True(drained, $"did not drain: received {final.Received}, pending {final.Pending}, replies queued {final.Queues["replies"]}, delivered {channel.Deliveries.Count}");
        FaultApp.AssertAddsUp(final, total);
        Assert.Equal(0, final.Poisoned);
        Assert.Equal(total, channel.Deliveries.Count + final.Queues["replies"]);
        Assert.All(channel.Deliveries, pair => Assert.True(pair.Value == 1, $"{pair.Key} delivered {pair.Value} times"));
        Console.WriteLine($"restart faults: {Cycles} stops mid-batch, {total} mentions, {channel.Deliveries.Count} replies, max deliveries per reply {channel.Deliveries.Values.Max()}");
    }
}
