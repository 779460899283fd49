namespace SocialBot.Functions.Tests.Faults;

/// <summary>Storage (Azurite with persistence) stopped for about two seconds under load and started again on the same ports.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StorageRestartFaultTests
{
    private const int Mentions = 60;

    [Fact]
    public async Task App_ShouldGiveEveryMentionOneOutcomeAndAReply_WhenStorageRestartsUnderLoad()
    {
        // Arrange
        await using var storage = await RestartableAzurite.StartAsync();
        var channel = new FaultyReplyChannel();
        await using var app = await FaultApp.StartAsync(storage.ConnectionString, channel);
        Func<string, Task> enqueue = text => storage.EnqueueAsync("mentions", text);

        // Act
        await FaultApp.EnqueueMentionsAsync(enqueue, "outage", 0, Mentions / 2);
        Assert.True(await TestQueues.EventuallyAsync(() => Task.FromResult(channel.Deliveries.Count > 0), TimeSpan.FromSeconds(20)), "nothing delivered before the outage");
        var beforeOutage = channel.Deliveries.Count;
        await storage.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(2)); // The outage itself: storage stays down this long.
        await storage.StartAgainAsync();
        await FaultApp.EnqueueMentionsAsync(enqueue, "outage", Mentions / 2, Mentions / 2);
        // A message whose function failed while storage was down stays hidden until the queue extension's lease on it
        // runs out (10 minutes, as under the Functions host: it could not make it visible again), so the test waits
        // until nothing is visible, and counts those still on their queue as not lost.
        var drained = await TestQueues.EventuallyAsync(
            async () => await VisibleAsync(storage, "mentions") == 0 && await VisibleAsync(storage, "replies") == 0
                && await app.Status.ReadAsync() is var status && channel.Deliveries.Count + status.Queues["replies"] + status.Pending == Mentions,
            TimeSpan.FromSeconds(60));

        // Assert
        var final = await app.Status.ReadAsync();
        Assert.True(drained, $"did not drain: received {final.Received}, handed off {final.HandedOff}, ignored {final.Ignored}, poisoned {final.Poisoned}, pending {final.Pending}, replies {final.Queues["replies"]}, delivered {channel.Deliveries.Count}");
        Assert.Equal(Mentions, final.Received);
        Assert.Equal(0, final.Poisoned);
        // Still leased: on each queue at most what the extension had fetched when storage went away (host.json batchSize
        // 16, a new batch at newBatchThreshold 8, and a fetch under way can add a second full batch), as in the restart tests.
        Assert.InRange(final.Pending, 0, 32);
        Assert.InRange(final.Queues["replies"], 0, 32);
        Assert.Equal(Mentions, channel.Deliveries.Count + final.Queues["replies"] + final.Pending);
        Assert.All(channel.Deliveries.Keys, id => Assert.EndsWith("/acknowledgement", id, StringComparison.Ordinal));

        // Not asserted yet: one delivery per reply. In 2 of 4 runs one or two acknowledgements sent around the stop
        // were delivered twice (the send succeeded, the storage writes after it did not survive the outage); see the
        // faults2 report. The count is printed so the gap stays visible.
        var twice = channel.Deliveries.Where(pair => pair.Value > 1).Select(pair => pair.Key).ToList();
        Console.WriteLine($"storage restart: {Mentions} mentions, {beforeOutage} replied before the outage, {channel.Deliveries.Count} replies, handed off {final.HandedOff}, ignored {final.Ignored}, leased until their lease ends: {final.Pending} mentions and {final.Queues["replies"]} replies, delivered twice: {twice.Count} [{string.Join(", ", twice)}]");
    }

    private static async Task<int> VisibleAsync(RestartableAzurite storage, string queue)
    {
        var client = storage.Queues.GetQueueClient(queue);
        return (await client.ExistsAsync()).Value ? (await client.PeekMessagesAsync(32)).Value.Length : 0;
    }
}
