namespace SocialBot.Functions.Tests.Faults;

/// <summary>The reply channel failing: transient errors are retried, lasting ones poison with the reason, permanent ones poison at once; never a reply twice.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ReplyChannelFaultTests : IAsyncLifetime
{
    private const int Mentions = 10;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private readonly AzuriteFixture _azurite;

    public ReplyChannelFaultTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
    }

    public Task InitializeAsync() => _azurite.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SendReply_ShouldRetryThenDeliverOnce_WhenTheChannelFailsTransiently()
    {
        // Arrange
        var channel = new FaultyReplyChannel { TransientFailures = 2 };
        await FaultApp.EnqueueMentionsAsync(_azurite, "transient", 0, Mentions);

        // Act
        await using var app = await FaultApp.StartAsync(_azurite, channel);
        var delivered = await TestQueues.EventuallyAsync(
            async () => channel.Deliveries.Count == Mentions && (await app.Status.ReadAsync()).Queues["replies"] == 0, Limit);

        // Assert
        Assert.True(delivered, $"delivered {channel.Deliveries.Count} of {Mentions}");
        Assert.All(channel.Deliveries, pair => Assert.Equal(1, pair.Value));
        Assert.All(channel.Deliveries.Keys, id => Assert.Equal(3, channel.AttemptsFor(id)));
        var status = await app.SettledStatusAsync();
        FaultApp.AssertAddsUp(status, Mentions);
        Assert.Equal(0, status.Queues["replies-poison"]);
    }

    [Fact]
    public async Task SendReply_ShouldBePoisonedWithTheLastErrorAfterFiveAttempts_WhenTheChannelAlwaysFails()
    {
        // Arrange
        var channel = new FaultyReplyChannel { TransientFailures = int.MaxValue };
        await FaultApp.EnqueueMentionsAsync(_azurite, "down", 0, 2);

        // Act
        await using var app = await FaultApp.StartAsync(_azurite, channel);
        var poisoned = await TestQueues.EventuallyAsync(async () => (await TestQueues.PeekAsync(_azurite, "replies-poison")).Count == 2, Limit);

        // Assert: the last attempt (maxDequeueCount 5 in host.json) parks the reply itself, with the error that ended it.
        Assert.True(poisoned, "the replies did not reach replies-poison");
        Assert.All(await TestQueues.PoisonAsync(_azurite, "replies"), message =>
        {
            Assert.Equal(5, message.DequeueCount);
            Assert.StartsWith("failed 5 times (maxDequeueCount); last error ", message.Reason, StringComparison.Ordinal);
            Assert.Contains("\"replyId\"", message.Message, StringComparison.Ordinal);
        });
        Assert.Equal(2, channel.Attempted.Count);
        Assert.All(channel.Attempted, id => Assert.Equal(5, channel.AttemptsFor(id)));
        Assert.Empty(channel.Deliveries);
        FaultApp.AssertAddsUp(await app.SettledStatusAsync(), 2);
    }

    [Fact]
    public async Task SendReply_ShouldPoisonAtOnce_WhenTheChannelRefusesPermanently()
    {
        // Arrange
        var channel = new FaultyReplyChannel { Permanent = true };
        await FaultApp.EnqueueMentionsAsync(_azurite, "refused", 0, 3);

        // Act
        await using var app = await FaultApp.StartAsync(_azurite, channel);
        var poisoned = await TestQueues.EventuallyAsync(async () => (await TestQueues.PoisonAsync(_azurite, "replies")).Count == 3, Limit);

        // Assert
        Assert.True(poisoned, "the replies did not reach replies-poison");
        Assert.All(await TestQueues.PoisonAsync(_azurite, "replies"), message =>
        {
            Assert.Equal(1, message.DequeueCount);
            Assert.Contains("faulty refused the reply: 403 Forbidden", message.Reason, StringComparison.Ordinal);
        });
        Assert.All(channel.Deliveries.Keys, id => Assert.Equal(1, channel.AttemptsFor(id)));
        FaultApp.AssertAddsUp(await app.SettledStatusAsync(), 3);
    }
}
