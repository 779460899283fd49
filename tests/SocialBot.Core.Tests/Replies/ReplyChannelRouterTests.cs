using Moq;
using SocialBot.Core.Replies;

namespace SocialBot.Core.Tests.Replies;

public sealed class ReplyChannelRouterTests
{
    private static OutgoingReply Reply(string channel) => new()
    {
        ReplyId = $"{channel}/m1/acknowledgement",
        MentionId = "m1",
        Channel = channel,
        ConversationId = "c1",
        Kind = ReplyKind.Acknowledgement,
        Text = "Hi",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private static Mock<IReplyChannel> Channel(string name, string accepts)
    {
        var channel = new Mock<IReplyChannel>();
        channel.Setup(c => c.Name).Returns(name);
        channel.Setup(c => c.CanDeliver(It.IsAny<OutgoingReply>())).Returns<OutgoingReply>(reply => reply.Channel == accepts);
        return channel;
    }

    [Fact]
    public void Route_ShouldPickTheChannelThatAcceptsTheReply()
    {
        var x = Channel("x", "twitter");
        var bluesky = Channel("bluesky", "bluesky");
        var fallback = new Mock<IFallbackReplyChannel>();
        var router = new ReplyChannelRouter([x.Object, bluesky.Object], fallback.Object);

        var route = router.Route(Reply("bluesky"));

        Assert.Same(bluesky.Object, route.Channel);
        Assert.False(route.IsFallback);
    }

    [Fact]
    public void Route_ShouldFallBackToTheOutbox_WhenNoChannelAcceptsTheReply()
    {
        var x = Channel("x", "twitter");
        var fallback = new Mock<IFallbackReplyChannel>();
        fallback.Setup(c => c.Name).Returns("outbox");
        var router = new ReplyChannelRouter([x.Object, fallback.Object], fallback.Object);

        var route = router.Route(Reply("mastodon"));

        Assert.Same(fallback.Object, route.Channel);
        Assert.True(route.IsFallback);
        Assert.Equal("no reply channel for channel 'mastodon'", route.FallbackReason);
        Assert.Equal(["x", "outbox"], router.Names);
    }

    [Fact]
    public void Route_ShouldSayWhyTheNetworkIsOff_WhenAnUnavailableChannelExplainsTheReply()
    {
        var off = new Mock<IUnavailableReplyChannel>();
        off.Setup(c => c.Explain(It.Is<OutgoingReply>(reply => reply.Channel == "twitter"))).Returns("x: no credentials configured (SocialBot:Networks:X)");
        var router = new ReplyChannelRouter([Channel("bluesky", "bluesky").Object], Mock.Of<IFallbackReplyChannel>(), [off.Object]);

        var twitter = router.Route(Reply("twitter"));
        var webchat = router.Route(Reply("webchat"));

        Assert.True(twitter.IsFallback);
        Assert.Equal("x: no credentials configured (SocialBot:Networks:X)", twitter.FallbackReason);
        Assert.Equal("no reply channel for channel 'webchat'", webchat.FallbackReason);
    }

    [Fact]
    public void Route_ShouldShortenTheReason_WhenTheChannelNameIsHuge()
    {
        var router = new ReplyChannelRouter([], Mock.Of<IFallbackReplyChannel>());

        var route = router.Route(Reply(new string('c', 5_000)));

        Assert.Equal(ReplyChannelRouter.MaxReasonLength, route.FallbackReason!.Length);
        Assert.EndsWith("…", route.FallbackReason, StringComparison.Ordinal);
    }
}
