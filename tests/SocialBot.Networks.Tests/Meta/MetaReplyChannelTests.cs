using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SocialBot.Core.Channels;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;
using SocialBot.Networks.Meta;
using SocialBot.Testing.Bot;

namespace SocialBot.Networks.Tests.Meta;

public sealed class MetaReplyChannelTests : IAsyncLifetime
{
    private const string CommentId = "555000111_9001";
    private FakeHttpServer _graph = null!;
    private Func<RecordedRequest, int, (int Status, string Json)>? _answer;
    private string? _location;

    private ServiceProvider _provider = null!;

    public async Task InitializeAsync()
    {
        _graph = await MetaFixtures.StartGraphAsync(
            (request, count) => _answer?.Invoke(request, count) ?? (200, $"{{\"id\":\"reply-{count}\"}}"),
            () => _location);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(MetaFixtures.Settings(_graph.BaseUrl)).Build();
        _provider = new ServiceCollection().AddLogging().AddMetaNetwork(configuration).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task Send_ShouldPostAPublicReplyInTheFacebookThread_WithThePageToken()
    {
        var channel = NewChannel();

        await channel.SendAsync(Reply("facebook", "Hi Dana, we're closed now and back Monday at 9:00 AM."));

        var request = Assert.Single(_graph.Requests);
        Assert.Equal("POST", request.Method);
        Assert.StartsWith($"/v24.0/{CommentId}/comments?appsecret_proof=", request.Path, StringComparison.Ordinal);
        Assert.Equal($"Bearer {MetaFixtures.PageToken}", request.Authorization);
        Assert.DoesNotContain(MetaFixtures.PageToken, request.Path, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("Hi Dana, we're closed now and back Monday at 9:00 AM.", body.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Send_ShouldReplyThroughReplies_WhenTheCommentIsOnInstagram()
    {
        var channel = NewChannel();

        await channel.SendAsync(Reply("instagram", "Yes, we ship to Canada!", commentId: "17900000000000777"));

        var request = Assert.Single(_graph.Requests);
        Assert.StartsWith("/v24.0/17900000000000777/replies?", request.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ShouldReplyUnderTheTopLevelComment_WhenTheInstagramCommentIsItselfAReply()
    {
        var channel = NewChannel();

        await channel.SendAsync(Reply("instagram", "Yes!", commentId: "17900000000000778", parentId: "17900000000000777"));

        Assert.StartsWith("/v24.0/17900000000000777/replies?", Assert.Single(_graph.Requests).Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ShouldSendAMessengerPrivateReplyAndNothingPublic_WhenPolicyIsPrivate()
    {
        var channel = NewChannel(facebook: MetaReplyPolicy.Private);

        await channel.SendAsync(Reply("facebook", "Please write to help@contoso.example with your order number."));

        var request = Assert.Single(_graph.Requests);
        Assert.StartsWith($"/v24.0/{MetaFixtures.PageId}/messages?", request.Path, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(CommentId, body.RootElement.GetProperty("recipient").GetProperty("comment_id").GetString());
        Assert.Equal("Please write to help@contoso.example with your order number.", body.RootElement.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Send_ShouldGoPrivately_WhenTheReplyIsNotPublicEvenUnderThePublicPolicy()
    {
        var channel = NewChannel();

        await channel.SendAsync(Reply("facebook", "Your order 1234 ships tomorrow.") with { IsPublic = false });

        Assert.StartsWith($"/v24.0/{MetaFixtures.PageId}/messages?", Assert.Single(_graph.Requests).Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ShouldSendPrivatelyThenANoticeWithoutDetails_WhenPolicyIsPublicWithoutDetails()
    {
        var channel = NewChannel(instagram: MetaReplyPolicy.PublicWithoutDetails);

        await channel.SendAsync(Reply("instagram", "Call us at 555-0100 after 9.", commentId: "17900000000000777"));

        Assert.Equal(2, _graph.Requests.Count);
        Assert.StartsWith($"/v24.0/{MetaFixtures.PageId}/messages?", _graph.Requests[0].Path, StringComparison.Ordinal);
        Assert.StartsWith("/v24.0/17900000000000777/replies?", _graph.Requests[1].Path, StringComparison.Ordinal);
        Assert.DoesNotContain("555-0100", _graph.Requests[1].Body, StringComparison.Ordinal);
        Assert.Contains("private message", _graph.Requests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ShouldNotFail_WhenOnlyThePublicNoticeFails()
    {
        _answer = (request, count) => count == 2 ? (400, MetaFixtures.GraphError(100, "Invalid parameter")) : (200, "{\"recipient_id\":\"1\",\"message_id\":\"m_1\"}");
        var channel = NewChannel(facebook: MetaReplyPolicy.PublicWithoutDetails);

        await channel.SendAsync(Reply("facebook", "Details in private."));

        Assert.Equal(2, _graph.Requests.Count);
    }

    [Fact]
    public async Task Send_ShouldRefuseWithTheReason_WhenThisCommentAlreadyHadItsPrivateReply()
    {
        _answer = (_, _) => (400, MetaFixtures.GraphError(10900, "Activity already replied to"));
        var channel = NewChannel(facebook: MetaReplyPolicy.PublicWithoutDetails);

        var exception = await Assert.ThrowsAsync<PermanentDeliveryException>(() => channel.SendAsync(Reply("facebook", "Details in private.")));

        Assert.Contains("one per comment", exception.Message, StringComparison.Ordinal);
        Assert.Single(_graph.Requests);
    }

    [Theory]
    [InlineData(400, 4)]
    [InlineData(400, 17)]
    [InlineData(400, 32)]
    [InlineData(400, 613)]
    [InlineData(429, 0)]
    [InlineData(503, 2)]
    public async Task Send_ShouldThrowATransientError_WhenGraphRateLimitsOrIsUnavailable(int status, int code)
    {
        _answer = (_, _) => (status, code == 0 ? "{}" : MetaFixtures.GraphError(code, "Application request limit reached"));
        var channel = NewChannel();

        var exception = await Assert.ThrowsAsync<MetaGraphException>(() => channel.SendAsync(Reply("facebook", "Hello!")));

        Assert.True(exception.IsTransient);
    }

    [Theory]
    [InlineData(190, "invalid or expired")]
    [InlineData(10, "permission missing")]
    [InlineData(200, "permission missing")]
    [InlineData(100, "refused")]
    public async Task Send_ShouldThrowPermanent_WithAClearReason_WhenTokenOrPermissionIsWrong(int code, string reason)
    {
        _answer = (_, _) => (400, MetaFixtures.GraphError(code, "Error validating access token"));
        var channel = NewChannel();

        var exception = await Assert.ThrowsAsync<PermanentDeliveryException>(() => channel.SendAsync(Reply("facebook", "Hello!")));

        Assert.Contains($"code {code}", exception.Message, StringComparison.Ordinal);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(MetaFixtures.PageToken, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ShouldRefuseWithoutCalling_WhenTheReplyIsLongerThanAnInstagramComment()
    {
        var channel = NewChannel();

        var exception = await Assert.ThrowsAsync<PermanentDeliveryException>(() => channel.SendAsync(Reply("instagram", new string('a', 2201), commentId: "17900000000000777")));

        Assert.Contains("2200", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task Send_ShouldRefuseWithoutCalling_WhenAPrivateReplyIsLongerThanMessengerAllows()
    {
        var channel = NewChannel(facebook: MetaReplyPolicy.Private);

        var exception = await Assert.ThrowsAsync<PermanentDeliveryException>(() => channel.SendAsync(Reply("facebook", new string('a', 2001))));

        Assert.Contains("Messenger", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task Send_ShouldNotFollowRedirects()
    {
        _answer = (request, _) => request.Path.StartsWith("/elsewhere", StringComparison.Ordinal) ? (200, "{\"id\":\"followed\"}") : (307, "{}");
        _location = _graph.BaseUrl.TrimEnd('/') + "/elsewhere";
        var channel = NewChannel();

        await Assert.ThrowsAsync<PermanentDeliveryException>(() => channel.SendAsync(Reply("facebook", "Hello!")));

        Assert.Single(_graph.Requests);
    }

    [Theory]
    [InlineData("facebook", true, true)]
    [InlineData("instagram", true, true)]
    [InlineData("facebook", false, false)]
    [InlineData("x", true, false)]
    [InlineData("webchat", false, false)]
    public void CanDeliver_ShouldAcceptOnlyMetaRepliesWithACommentId(string channelName, bool withReference, bool expected)
    {
        var channel = NewChannel();
        var reply = Reply(channelName, "Hello!") with { NetworkReference = withReference ? new Dictionary<string, string> { [MetaReferenceKeys.CommentId] = CommentId } : null };

        Assert.Equal(expected, channel.CanDeliver(reply));
    }

    [Fact]
    public async Task SendReply_ShouldPoisonWithTheReason_WhenTheTokenExpired()
    {
        _answer = (_, _) => (400, MetaFixtures.GraphError(190, "Error validating access token: Session has expired", subcode: 463));
        var processor = NewProcessor(out _);

        var result = await processor.ProcessAsync(JsonSerializer.Serialize(Reply("facebook", "Hello!"), Core.Serialization.SocialBotJson.Options));

        Assert.False(result.Completed);
        Assert.Contains("code 190/463", result.PoisonReason, StringComparison.Ordinal);
        Assert.Contains("invalid or expired", result.PoisonReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendReply_ShouldLetTheQueueRetry_ThenPostOnce_WhenGraphRateLimitedTheFirstAttempt()
    {
        _answer = (_, count) => count == 1 ? (400, MetaFixtures.GraphError(613, "Calls to this api have exceeded the rate limit.")) : (200, "{\"id\":\"reply-2\"}");
        var processor = NewProcessor(out var sent);
        var message = JsonSerializer.Serialize(Reply("facebook", "Hello!"), Core.Serialization.SocialBotJson.Options);

        await Assert.ThrowsAsync<MetaGraphException>(() => processor.ProcessAsync(message));
        var retried = await processor.ProcessAsync(message);
        var redelivered = await processor.ProcessAsync(message);

        Assert.True(retried.Completed);
        Assert.True(redelivered.Completed);
        Assert.Equal(2, _graph.Requests.Count);
        sent.Verify(log => log.ReleaseAsync(It.IsAny<OutgoingReply>(), It.IsAny<CancellationToken>()), Times.Once);
        sent.Verify(log => log.MarkSentAsync(It.IsAny<OutgoingReply>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private SendReplyProcessor NewProcessor(out Mock<ISentReplyLog> sent)
    {
        var marked = false;
        sent = new Mock<ISentReplyLog>();
        sent.Setup(log => log.ClaimAsync(It.IsAny<OutgoingReply>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => marked ? SendClaim.AlreadySent : SendClaim.Claimed);
        sent.Setup(log => log.MarkSentAsync(It.IsAny<OutgoingReply>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Callback(() => marked = true)
            .Returns(Task.CompletedTask);
        var router = new ReplyChannelRouter([NewChannel()], Mock.Of<IFallbackReplyChannel>(channel => channel.Name == "outbox"));
        return new SendReplyProcessor(router, sent.Object, new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)), NullLogger<SendReplyProcessor>.Instance);
    }

    private MetaReplyChannel NewChannel(MetaReplyPolicy facebook = MetaReplyPolicy.Public, MetaReplyPolicy instagram = MetaReplyPolicy.Public)
    {
        var options = MetaFixtures.Options(_graph.BaseUrl, facebook, instagram);
        return new MetaReplyChannel(_provider.GetRequiredService<IHttpClientFactory>(), MetaFixtures.Wrap(options), new ChannelCatalog(), NullLogger<MetaReplyChannel>.Instance);
    }

    private static OutgoingReply Reply(string channel, string text, string commentId = CommentId, string? parentId = null)
    {
        var reference = new Dictionary<string, string>
        {
            [MetaReferenceKeys.Kind] = channel,
            [MetaReferenceKeys.CommentId] = commentId,
            [MetaReferenceKeys.PostId] = MetaFixtures.PostId,
            [MetaReferenceKeys.CommenterId] = "2701000000000009",
        };
        if (parentId is not null)
        {
            reference[MetaReferenceKeys.ParentId] = parentId;
        }

        return new OutgoingReply
        {
            ReplyId = $"{channel}/{commentId}/acknowledgement",
            MentionId = commentId,
            Channel = channel,
            ConversationId = MetaFixtures.PostId,
            Kind = ReplyKind.Acknowledgement,
            Text = text,
            CreatedAt = DateTimeOffset.UnixEpoch.AddYears(56),
            NetworkReference = reference,
        };
    }
}
