using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SocialBot.Core.Mentions;
using SocialBot.Core.Processing;
using SocialBot.Networks.Meta;

namespace SocialBot.Networks.Tests.Meta;

public sealed class MetaWebhookHandlerTests
{
    private readonly List<Mention> _enqueued = [];
    private readonly List<PoisonMessage> _poisoned = [];
    private readonly MetaWebhookHandler _handler;

    public MetaWebhookHandlerTests()
    {
        var options = MetaFixtures.Options();
        options.MaxWebhookBytes = 8 * 1024;
        _handler = NewHandler(options);
    }

    [Fact]
    public void Verify_ShouldEchoTheChallenge_WhenModeAndTokenMatch()
    {
        var result = _handler.Verify("subscribe", MetaFixtures.VerifyToken, "1158201444");

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("1158201444", result.Body);
    }

    [Theory]
    [InlineData("subscribe", "wrong-token")]
    [InlineData("subscribe", null)]
    [InlineData("unsubscribe", MetaFixtures.VerifyToken)]
    [InlineData(null, MetaFixtures.VerifyToken)]
    public void Verify_ShouldAnswer403_WhenModeOrTokenIsWrong(string? mode, string? token)
    {
        var result = _handler.Verify(mode, token, "1158201444");

        Assert.Equal(403, result.StatusCode);
        Assert.DoesNotContain("1158201444", result.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ShouldAnswer400_WhenChallengeIsNotPlainText()
    {
        var result = _handler.Verify("subscribe", MetaFixtures.VerifyToken, "<script>alert(1)</script>");

        Assert.Equal(400, result.StatusCode);
    }

    [Fact]
    public async Task Handle_ShouldEnqueueThePageComment_WhenSignatureIsValid()
    {
        var body = MetaFixtures.PageDelivery(MetaFixtures.FeedComment("555000111_9001", "Are you open on Sunday?"));

        var result = await _handler.HandleAsync(MetaFixtures.Sign(body), body);

        Assert.Equal(200, result.StatusCode);
        var mention = Assert.Single(_enqueued);
        Assert.Equal("555000111_9001", mention.Id);
        Assert.Equal("facebook", mention.Channel);
        Assert.Equal(MetaFixtures.PostId, mention.ConversationId);
        Assert.Equal("2701000000000009", mention.Author.Id);
        Assert.Equal("Dana Reyes", mention.Author.Name);
        Assert.Equal("Are you open on Sunday?", mention.Text);
        Assert.True(mention.IsPublic);
        Assert.Null(mention.InReplyTo);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(MetaFixtures.CreatedTime), mention.ReceivedAt);
        Assert.Equal("facebook", mention.NetworkReference![MetaReferenceKeys.Kind]);
        Assert.Equal("555000111_9001", mention.NetworkReference[MetaReferenceKeys.CommentId]);
        Assert.Equal(MetaFixtures.PostId, mention.NetworkReference[MetaReferenceKeys.PostId]);
        Assert.Equal(MetaFixtures.PageId, mention.NetworkReference[MetaReferenceKeys.AccountId]);
        Assert.Equal("2701000000000009", mention.NetworkReference[MetaReferenceKeys.CommenterId]);
    }

    [Fact]
    public async Task Handle_ShouldSetInReplyTo_WhenTheCommentAnswersAnotherComment()
    {
        var body = MetaFixtures.PageDelivery(MetaFixtures.FeedComment("555000111_9002", "same question", parentId: "555000111_9001"));

        await _handler.HandleAsync(MetaFixtures.Sign(body), body);

        var mention = Assert.Single(_enqueued);
        Assert.Equal("555000111_9001", mention.InReplyTo);
        Assert.Equal("555000111_9001", mention.NetworkReference![MetaReferenceKeys.ParentId]);
    }

    [Fact]
    public async Task Handle_ShouldEnqueueTheInstagramComment_WithMediaAsConversation()
    {
        var body = MetaFixtures.InstagramDelivery(MetaFixtures.InstagramComment("17900000000000777", "Do you ship to Canada?"));

        var result = await _handler.HandleAsync(MetaFixtures.Sign(body), body);

        Assert.Equal(200, result.StatusCode);
        var mention = Assert.Single(_enqueued);
        Assert.Equal("instagram", mention.Channel);
        Assert.Equal("17900000000000777", mention.Id);
        Assert.Equal("18000000000000042", mention.ConversationId);
        Assert.Equal("dana.reyes", mention.Author.Handle);
        Assert.Equal(MetaFixtures.InstagramId, mention.NetworkReference![MetaReferenceKeys.AccountId]);
    }

    [Fact]
    public async Task Handle_ShouldAnswer401AndEnqueueNothing_WhenSignatureIsMissing()
    {
        var body = MetaFixtures.PageDelivery(MetaFixtures.FeedComment("555000111_9001", "hello"));

        var result = await _handler.HandleAsync(null, body);

        Assert.Equal(401, result.StatusCode);
        Assert.Empty(_enqueued);
        Assert.Empty(_poisoned);
    }

    [Theory]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha1=3f786850e387550fdab836ed7e6dc881de23001b")]
    [InlineData("sha256=not-hex")]
    public async Task Handle_ShouldAnswer401_WhenSignatureIsWrong(string signature)
    {
        var body = MetaFixtures.PageDelivery(MetaFixtures.FeedComment("555000111_9001", "hello"));

        var result = await _handler.HandleAsync(signature, body);

        Assert.Equal(401, result.StatusCode);
        Assert.Empty(_enqueued);
    }

    [Fact]
    public async Task Handle_ShouldAnswer401_WhenBodyWasTamperedAfterSigning()
    {
        var body = MetaFixtures.PageDelivery(MetaFixtures.FeedComment("555000111_9001", "I love it"));
        var signature = MetaFixtures.Sign(body);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("I love it", "I hate it", StringComparison.Ordinal));

        var result = await _handler.HandleAsync(signature, tampered);

        Assert.Equal(401, result.StatusCode);
        Assert.Empty(_enqueued);
    }

    [Fact]
    public async Task Handle_ShouldAnswer401_WhenSignedWithAnotherSecret()
    {
        var body = MetaFixtures.PageDelivery(MetaFixtures.FeedComment("555000111_9001", "hello"));

        var result = await _handler.HandleAsync(MetaSignature.Sign(body, "someone-elses-secret"), body);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task Handle_ShouldRefuseWith413BeforeReading_WhenContentLengthIsOverTheCap()
    {
        using var stream = new ThrowingStream();

        var result = await _handler.HandleAsync("sha256=00", contentLength: 9 * 1024, stream);

        Assert.Equal(413, result.StatusCode);
        Assert.Empty(_enqueued);
    }

    [Fact]
    public async Task Handle_ShouldRefuseWith413_WhenAStreamWithoutLengthRunsPastTheCap()
    {
        var big = MetaFixtures.PageDelivery(MetaFixtures.FeedComment("555000111_9001", new string('a', 9000)));
        using var stream = new MemoryStream(big);

        var result = await _handler.HandleAsync(MetaFixtures.Sign(big), contentLength: null, stream);

        Assert.Equal(413, result.StatusCode);
        Assert.True(stream.Position <= 8 * 1024 + 1, "the handler read past the cap");
        Assert.Empty(_enqueued);
    }

    [Fact]
    public async Task Handle_ShouldReadAStreamedBody_WhenItIsUnderTheCap()
    {
        var body = MetaFixtures.PageDelivery(MetaFixtures.FeedComment("555000111_9001", "hello there"));
        using var stream = new MemoryStream(body);

        var result = await _handler.HandleAsync(MetaFixtures.Sign(body), contentLength: null, stream);

        Assert.Equal(200, result.StatusCode);
        Assert.Single(_enqueued);
    }

    [Fact]
    public async Task Handle_ShouldAnswer400AndPoisonTheBody_WhenSignedBodyIsNotJson()
    {
        var body = Encoding.UTF8.GetBytes("{\"object\":\"page\",\"entry\":[");

        var result = await _handler.HandleAsync(MetaFixtures.Sign(body), body);

        Assert.Equal(400, result.StatusCode);
        Assert.Empty(_enqueued);
        var poisoned = Assert.Single(_poisoned);
        Assert.Contains("not a Meta webhook payload", poisoned.Reason, StringComparison.Ordinal);
        Assert.Equal("mentions", poisoned.Queue);
    }

    [Fact]
    public async Task Handle_ShouldKeepTheGoodComments_WhenOneChangeOfTheBatchIsMalformed()
    {
        var broken = MetaFixtures.FeedComment("555000111_9002", "no author");
        broken["value"]!.AsObject().Remove("from");
        var badId = MetaFixtures.FeedComment("555000111_9003", "bad id");
        badId["value"]!["comment_id"] = "../../me/feed";
        var body = MetaFixtures.PageDelivery(
            MetaFixtures.FeedComment("555000111_9001", "first good one"),
            broken,
            JsonValue.Create("not an object")!,
            badId,
            MetaFixtures.FeedComment("555000111_9004", "second good one"));

        var result = await _handler.HandleAsync(MetaFixtures.Sign(body), body);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(["555000111_9001", "555000111_9004"], _enqueued.Select(mention => mention.Id));
        Assert.Equal(3, _poisoned.Count);
        Assert.Contains(_poisoned, message => message.Reason.Contains("entry[0].changes[1]", StringComparison.Ordinal) && message.Reason.Contains("'from'", StringComparison.Ordinal));
        Assert.Contains(_poisoned, message => message.Reason.Contains("entry[0].changes[3]", StringComparison.Ordinal) && message.Reason.Contains("comment_id", StringComparison.Ordinal));
        Assert.Contains(_poisoned, message => message.Message.Contains("no author", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handle_ShouldPoisonAComment_WhenItsTextIsOverTheMentionLimit()
    {
        var handler = NewHandler(MetaFixtures.Options());
        var body = MetaFixtures.PageDelivery(
            MetaFixtures.FeedComment("555000111_9001", new string('x', 10_001)),
            MetaFixtures.FeedComment("555000111_9002", "short"));

        var result = await handler.HandleAsync(MetaFixtures.Sign(body), body);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("555000111_9002", Assert.Single(_enqueued).Id);
        Assert.Contains("10001 characters", Assert.Single(_poisoned).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("edited")]
    [InlineData("remove")]
    [InlineData("hide")]
    public async Task Handle_ShouldNotTriage_WhenACommentIsEditedOrRemoved(string verb)
    {
        var body = MetaFixtures.PageDelivery(MetaFixtures.FeedComment("555000111_9001", "changed text", verb: verb));

        var result = await _handler.HandleAsync(MetaFixtures.Sign(body), body);

        Assert.Equal(200, result.StatusCode);
        Assert.Empty(_enqueued);
        Assert.Empty(_poisoned);
    }

    [Fact]
    public async Task Handle_ShouldNotTriage_ThePagesOwnComment()
    {
        var body = MetaFixtures.PageDelivery(MetaFixtures.FeedComment("555000111_9001", "Thanks everyone!", fromId: MetaFixtures.PageId, fromName: "Contoso Market"));

        await _handler.HandleAsync(MetaFixtures.Sign(body), body);

        Assert.Empty(_enqueued);
    }

    [Fact]
    public async Task Handle_ShouldNotTriage_CommentsOnAnotherPageOrAccount()
    {
        var page = MetaFixtures.Delivery("page", "999000999", MetaFixtures.FeedComment("555000111_9001", "hello"));
        var instagram = MetaFixtures.Delivery("instagram", "17841499999999999", MetaFixtures.InstagramComment("17900000000000777", "hello"));

        Assert.Equal(200, (await _handler.HandleAsync(MetaFixtures.Sign(page), page)).StatusCode);
        Assert.Equal(200, (await _handler.HandleAsync(MetaFixtures.Sign(instagram), instagram)).StatusCode);

        Assert.Empty(_enqueued);
    }

    [Fact]
    public async Task Handle_ShouldNotTriage_TheInstagramAccountsOwnComment()
    {
        var body = MetaFixtures.InstagramDelivery(MetaFixtures.InstagramComment("17900000000000778", "Thanks!", fromId: MetaFixtures.InstagramId, username: "contoso"));

        await _handler.HandleAsync(MetaFixtures.Sign(body), body);

        Assert.Empty(_enqueued);
    }

    [Fact]
    public async Task Handle_ShouldSkipLikesAndOtherFields_WithoutPoisoning()
    {
        var like = new JsonObject
        {
            ["field"] = "feed",
            ["value"] = new JsonObject { ["item"] = "reaction", ["verb"] = "add", ["post_id"] = MetaFixtures.PostId, ["reaction_type"] = "like" },
        };
        var mentionOnly = new JsonObject
        {
            ["field"] = "mentions",
            ["value"] = new JsonObject { ["media_id"] = "18000000000000042", ["comment_id"] = "17900000000000779" },
        };
        var page = MetaFixtures.PageDelivery(like);
        var instagram = MetaFixtures.InstagramDelivery(mentionOnly);

        var first = await _handler.HandleAsync(MetaFixtures.Sign(page), page);
        var second = await _handler.HandleAsync(MetaFixtures.Sign(instagram), instagram);

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(200, second.StatusCode);
        Assert.Empty(_enqueued);
        Assert.Empty(_poisoned);
    }

    [Fact]
    public async Task Handle_ShouldSkipInstagram_WhenNoInstagramAccountIsConfigured()
    {
        var options = MetaFixtures.Options();
        options.InstagramAccountId = null;
        var handler = NewHandler(options);
        var body = MetaFixtures.InstagramDelivery(MetaFixtures.InstagramComment("17900000000000777", "hello"));

        var result = await handler.HandleAsync(MetaFixtures.Sign(body), body);

        Assert.Equal(200, result.StatusCode);
        Assert.Empty(_enqueued);
    }

    [Fact]
    public async Task Handle_ShouldThrow_WhenTheQueueIsDown_SoTheHostAnswers500AndMetaRedelivers()
    {
        var mentions = new Mock<IMentionQueue>();
        mentions.Setup(queue => queue.EnqueueMentionAsync(It.IsAny<Mention>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("storage down"));
        var handler = new MetaWebhookHandler(MetaFixtures.Wrap(MetaFixtures.Options()), mentions.Object, Mock.Of<IPoisonQueue>(), TimeProvider.System, NullLogger<MetaWebhookHandler>.Instance);
        var body = MetaFixtures.PageDelivery(MetaFixtures.FeedComment("555000111_9001", "hello"));

        await Assert.ThrowsAsync<IOException>(() => handler.HandleAsync(MetaFixtures.Sign(body), body));
    }

    [Theory]
    [InlineData("page-comment.json", "facebook")]
    [InlineData("instagram-comment.json", "instagram")]
    public async Task Handle_ShouldAcceptTheSampleDeliveries_InSamplesMeta(string file, string channel)
    {
        var body = await File.ReadAllBytesAsync(Path.Combine(Testing.AzuriteFixture.RepoRoot(), "samples", "meta", file));

        var result = await _handler.HandleAsync(MetaFixtures.Sign(body), body);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(channel, Assert.Single(_enqueued).Channel);
    }

    private MetaWebhookHandler NewHandler(MetaOptions options)
    {
        var mentions = new Mock<IMentionQueue>();
        mentions.Setup(queue => queue.EnqueueMentionAsync(It.IsAny<Mention>(), It.IsAny<CancellationToken>()))
            .Callback<Mention, CancellationToken>((mention, _) => _enqueued.Add(mention))
            .Returns(Task.CompletedTask);
        var poison = new Mock<IPoisonQueue>();
        poison.Setup(queue => queue.SendAsync(It.IsAny<string>(), It.IsAny<PoisonMessage>(), It.IsAny<CancellationToken>()))
            .Callback<string, PoisonMessage, CancellationToken>((_, message, _) => _poisoned.Add(message))
            .Returns(Task.CompletedTask);
        return new MetaWebhookHandler(MetaFixtures.Wrap(options), mentions.Object, poison.Object, TimeProvider.System, NullLogger<MetaWebhookHandler>.Instance);
    }

    /// <summary>A body the handler must not read.</summary>
    private sealed class ThrowingStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("read before the length check");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw new InvalidOperationException("read before the length check");
    }
}
