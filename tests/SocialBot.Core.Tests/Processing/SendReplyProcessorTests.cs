using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;
using SocialBot.Core.Serialization;

namespace SocialBot.Core.Tests.Processing;

public sealed class SendReplyProcessorTests
{
    private readonly Mock<IReplyChannel> _channel = new();
    private readonly Mock<ISentReplyLog> _sent = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.FromHours(-5)));

    private static readonly OutgoingReply Reply = new()
    {
        ReplyId = "twitter/m1/acknowledgement",
        MentionId = "m1",
        Channel = "twitter",
        ConversationId = "c1",
        Kind = ReplyKind.Acknowledgement,
        Text = "Hi Dana, we're back tomorrow at 9:00 AM EST.",
        CreatedAt = new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.FromHours(-5)),
    };

    public SendReplyProcessorTests()
    {
        _channel.Setup(c => c.CanDeliver(It.IsAny<OutgoingReply>())).Returns(true);
    }

    private SendReplyProcessor Processor(IReplyChannel? channel = null) =>
        new(
            channel is IFallbackReplyChannel fallback
                ? new ReplyChannelRouter([], fallback)
                : new ReplyChannelRouter([channel ?? _channel.Object], Mock.Of<IFallbackReplyChannel>()),
            _sent.Object,
            _time,
            NullLogger<SendReplyProcessor>.Instance);

    private static string Message => JsonSerializer.Serialize(Reply, SocialBotJson.Options);

    private void Claim(SendClaim claim) =>
        _sent.Setup(s => s.ClaimAsync(It.IsAny<OutgoingReply>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(claim);

    [Fact]
    public async Task Process_ShouldSendAndMarkSent_WhenClaimed()
    {
        Claim(SendClaim.Claimed);

        var result = await Processor().ProcessAsync(Message);

        Assert.True(result.Completed);
        _channel.Verify(c => c.SendAsync(It.Is<OutgoingReply>(r => r.ReplyId == Reply.ReplyId), It.IsAny<CancellationToken>()), Times.Once);
        _sent.Verify(s => s.MarkSentAsync(It.Is<OutgoingReply>(r => r.ReplyId == Reply.ReplyId), _time.GetUtcNow(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Process_ShouldNotSendAgain_WhenAlreadySent()
    {
        Claim(SendClaim.AlreadySent);

        var result = await Processor().ProcessAsync(Message);

        Assert.True(result.Completed);
        _channel.Verify(c => c.SendAsync(It.IsAny<OutgoingReply>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Process_ShouldThrowToRetryLater_WhenAnotherDeliveryIsSending()
    {
        Claim(SendClaim.InProgress);

        await Assert.ThrowsAsync<ReplyInProgressException>(() => Processor().ProcessAsync(Message));

        _channel.Verify(c => c.SendAsync(It.IsAny<OutgoingReply>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Process_ShouldReleaseTheClaimAndRethrow_WhenTheSendFailsTransiently()
    {
        Claim(SendClaim.Claimed);
        _channel.Setup(c => c.SendAsync(It.IsAny<OutgoingReply>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("503"));

        await Assert.ThrowsAsync<HttpRequestException>(() => Processor().ProcessAsync(Message));

        _sent.Verify(s => s.ReleaseAsync(It.IsAny<OutgoingReply>(), It.IsAny<CancellationToken>()), Times.Once);
        _sent.Verify(s => s.MarkSentAsync(It.IsAny<OutgoingReply>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Process_ShouldPoisonWithTheReason_WhenTheChannelRefuses()
    {
        Claim(SendClaim.Claimed);
        _channel.SetupGet(c => c.Name).Returns("botconnector");
        _channel.Setup(c => c.SendAsync(It.IsAny<OutgoingReply>(), It.IsAny<CancellationToken>())).ThrowsAsync(new PermanentDeliveryException("403 Forbidden"));

        var result = await Processor().ProcessAsync(Message);

        Assert.Equal("botconnector refused the reply: 403 Forbidden", result.PoisonReason);
        _sent.Verify(s => s.ReleaseAsync(It.IsAny<OutgoingReply>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Process_ShouldSkipClaims_WhenTheChannelIsIdempotent()
    {
        var outbox = new Mock<IFallbackReplyChannel>();
        outbox.As<IIdempotentReplyChannel>();
        outbox.Setup(c => c.Name).Returns("outbox");

        var result = await Processor(outbox.Object).ProcessAsync(Message);

        Assert.True(result.Completed);
        Assert.Contains("kept in the outbox: no reply channel for channel 'twitter'", result.Summary, StringComparison.Ordinal);
        outbox.Verify(c => c.KeepAsync(It.IsAny<OutgoingReply>(), "no reply channel for channel 'twitter'", It.IsAny<CancellationToken>()), Times.Once);
        outbox.Verify(c => c.SendAsync(It.IsAny<OutgoingReply>(), It.IsAny<CancellationToken>()), Times.Never);
        _sent.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"replyId\":\"\",\"text\":\"\"}")]
    public async Task Process_ShouldPoison_WhenTheMessageIsNotAReply(string message)
    {
        var result = await Processor().ProcessAsync(message);

        Assert.StartsWith("invalid reply message", result.PoisonReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_ShouldDeferInsteadOfFailing_WhenAnotherDeliveryHoldsTheClaim()
    {
        // Arrange
        Claim(SendClaim.InProgress);
        var requeue = new Mock<IReplyRequeue>();
        var processor = new SendReplyProcessor(new ReplyChannelRouter([_channel.Object], Mock.Of<IFallbackReplyChannel>()), _sent.Object, _time, NullLogger<SendReplyProcessor>.Instance, requeue.Object);

        // Act
        var result = await processor.ProcessAsync(Message);

        // Assert
        Assert.True(result.Completed);
        Assert.Null(result.PoisonReason);
        requeue.Verify(r => r.RequeueAsync(It.Is<OutgoingReply>(x => x.ReplyId == Reply.ReplyId), SendReplyProcessor.DeferDelay, It.IsAny<CancellationToken>()), Times.Once);
        _channel.Verify(c => c.SendAsync(It.IsAny<OutgoingReply>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
