using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;
using SocialBot.Core.Serialization;
using SocialBot.Testing;

namespace SocialBot.Cli.Tests;

/// <summary>Finding 9 of issue 12: a reply whose send claim another delivery holds is deferred, never poisoned, and delivered once.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SendClaimDeferralTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private readonly AgentDesk _desk;
    private readonly Mock<IReplyChannel> _channel = new();

    public SendClaimDeferralTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _desk = new AgentDesk(azurite);
        _channel.SetupGet(c => c.Name).Returns("botconnector");
        _channel.Setup(c => c.CanDeliver(It.IsAny<OutgoingReply>())).Returns(true);
    }

    public async Task InitializeAsync()
    {
        _desk.Cli.Time.SetUtcNow(AgentDesk.Local(2026, 11, 23, 21, 20));
        await _desk.ProvisionAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static OutgoingReply Reply => new()
    {
        ReplyId = "msteams/m1/acknowledgement",
        MentionId = "m1",
        Channel = "msteams",
        ConversationId = "c1",
        Kind = ReplyKind.Acknowledgement,
        Text = "Hi Dana, we're back tomorrow at 9:00 AM EST.",
        CreatedAt = AgentDesk.Local(2026, 11, 23, 21, 15),
    };

    private SendReplyProcessor Processor(ServiceProvider services) => new(
        new ReplyChannelRouter([_channel.Object], Mock.Of<IFallbackReplyChannel>()),
        services.GetRequiredService<ISentReplyLog>(),
        _desk.Cli.Time,
        NullLogger<SendReplyProcessor>.Instance,
        services.GetRequiredService<IReplyRequeue>());

    [Fact]
    public async Task Process_ShouldDeferThenDeliverOnce_WhenAWorkerDiedBetweenClaimAndSend()
    {
        // Arrange: worker A claimed the reply, then the process was killed before it sent anything.
        using var services = _desk.Services();
        var message = JsonSerializer.Serialize(Reply, SocialBotJson.Options);
        Assert.Equal(SendClaim.Claimed, await services.GetRequiredService<ISentReplyLog>().ClaimAsync(Reply, _desk.Cli.Time.GetUtcNow()));
        var replies = _azurite.Queues.GetQueueClient("replies");

        // Act: the redelivery arrives while the dead worker's claim still looks fresh...
        _desk.Cli.Time.Advance(TimeSpan.FromSeconds(40));
        var redelivered = await Processor(services).ProcessAsync(message);
        var waiting = (await replies.GetPropertiesAsync()).Value.ApproximateMessagesCount;

        // ...and the deferred copy comes back after the claim went stale, then once more (a duplicate delivery).
        _desk.Cli.Time.Advance(TimeSpan.FromMinutes(4));
        var deferred = await Processor(services).ProcessAsync(message);
        var duplicate = await Processor(services).ProcessAsync(message);

        // Assert
        Assert.True(redelivered.Completed, redelivered.Summary);
        Assert.Null(redelivered.PoisonReason);
        Assert.Contains("deferred", redelivered.Summary, StringComparison.Ordinal);
        Assert.Equal(1, waiting);
        Assert.True(deferred.Completed, deferred.Summary);
        Assert.Contains("already sent", duplicate.Summary, StringComparison.Ordinal);
        _channel.Verify(c => c.SendAsync(It.Is<OutgoingReply>(r => r.ReplyId == Reply.ReplyId), It.IsAny<CancellationToken>()), Times.Once);
    }
}
