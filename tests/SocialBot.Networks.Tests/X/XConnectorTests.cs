using System.Text.Json;
using SocialBot.Core.Replies;
using SocialBot.Networks.Tests.Support;
using SocialBot.Networks.X;
using SocialBot.Testing.Networks;

namespace SocialBot.Networks.Tests.X;

public sealed class XConnectorTests : IAsyncLifetime
{
    private FakeXApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeXApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task PollAsync_ShouldEnqueueMentionsOldestFirstWithReference_WhenTimelineHasPosts()
    {
        // Arrange
        _api.Handler = (_, _) => (200, Fixtures.Read("x-mentions.json"), null);
        using var host = new ConnectorHost(_api.Settings());

        // Act
        var outcome = await host.Poller("x").PollAsync();

        // Assert
        Assert.Equal(0, _api.BadSignatures);
        Assert.Equal(2, outcome.Enqueued);
        Assert.Equal(1, outcome.Requests);
        var request = Assert.Single(_api.Requests);
        Assert.StartsWith($"/2/users/{FakeXApi.UserId}/mentions?", request.Path, StringComparison.Ordinal);
        Assert.Contains("expansions=author_id", request.Path, StringComparison.Ordinal);
        Assert.Contains("tweet.fields=created_at%2Cconversation_id%2Cin_reply_to_user_id%2Creferenced_tweets", request.Path, StringComparison.Ordinal);
        Assert.Contains("user.fields=username%2Cname", request.Path, StringComparison.Ordinal);
        Assert.DoesNotContain("since_id", request.Path, StringComparison.Ordinal);
        var first = host.Queue.Mentions[0];
        var second = host.Queue.Mentions[1];
        Assert.Equal("1829340000000000001", first.Id);
        Assert.Equal("1829347281036542391", second.Id);
        Assert.Equal("x", second.Channel);
        Assert.Equal("1829347281036542390", second.ConversationId);
        Assert.Equal("2244994945", second.Author.Id);
        Assert.Equal("dscully", second.Author.Handle);
        Assert.Equal("Dana Scully", second.Author.Name);
        Assert.Equal("1829347281036542390", second.InReplyTo);
        Assert.True(second.Direct);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 22, 14, 5, TimeSpan.Zero), second.ReceivedAt);
        Assert.Equal("1829347281036542391", second.NetworkReference![XReference.TweetId]);
        Assert.Equal("1829347281036542391", (await host.Store.GetAsync("x", "mentions")).Cursor);
    }

    [Fact]
    public async Task PollAsync_ShouldSendSinceIdAndWaitForTheInterval_WhenPolledAgain()
    {
        // Arrange
        _api.Handler = (_, count) => (200, count == 1 ? Fixtures.Read("x-mentions.json") : """{ "meta": { "result_count": 0 } }""", null);
        using var host = new ConnectorHost(_api.Settings(("SocialBot:Networks:X:PollSeconds", "60")));
        var poller = host.Poller("x");
        await poller.PollAsync();

        // Act
        var early = await poller.PollAsync();
        host.Time.Advance(TimeSpan.FromSeconds(60));
        var due = await poller.PollAsync();

        // Assert
        Assert.False(early.Polled);
        Assert.True(due.Polled);
        Assert.Equal(0, due.Enqueued);
        Assert.Equal(2, _api.Requests.Count);
        Assert.Contains("since_id=1829347281036542391", _api.Requests[1].Path, StringComparison.Ordinal);
        Assert.Equal("1829347281036542391", (await host.Store.GetAsync("x", "mentions")).Cursor);
    }

    [Fact]
    public async Task PollAsync_ShouldNotPollBeforeTheReset_WhenRateLimited()
    {
        // Arrange
        var reset = new DateTimeOffset(2026, 11, 30, 22, 45, 0, TimeSpan.Zero);
        _api.Handler = (_, _) => (429, Fixtures.Read("x-rate-limited.json"), new Dictionary<string, string>
        {
            ["x-rate-limit-limit"] = "10",
            ["x-rate-limit-remaining"] = "0",
            ["x-rate-limit-reset"] = reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var host = new ConnectorHost(_api.Settings(("SocialBot:Networks:X:PollSeconds", "60")));
        var poller = host.Poller("x");

        // Act
        var limited = await poller.PollAsync();
        host.Time.Advance(TimeSpan.FromMinutes(5));
        var afterInterval = await poller.PollAsync();
        host.Time.SetUtcNow(reset);
        var afterReset = await poller.PollAsync();

        // Assert
        Assert.Contains("HTTP 429", Assert.Single(limited.Errors), StringComparison.Ordinal);
        Assert.Equal(reset, limited.NextPollAt);
        Assert.False(afterInterval.Polled);
        Assert.True(afterReset.Polled);
        Assert.Equal(2, _api.Requests.Count);
        var state = await host.Store.GetAsync("x", "mentions");
        Assert.Null(state.Cursor);
        Assert.Contains("429", state.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollAsync_ShouldWaitForTheReset_WhenTheRemainingQuotaIsZero()
    {
        // Arrange
        var reset = new DateTimeOffset(2026, 11, 30, 22, 50, 0, TimeSpan.Zero);
        _api.Handler = (_, _) => (200, Fixtures.Read("x-mentions.json"), new Dictionary<string, string>
        {
            ["x-rate-limit-remaining"] = "0",
            ["x-rate-limit-reset"] = reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var host = new ConnectorHost(_api.Settings(("SocialBot:Networks:X:PollSeconds", "60")));

        // Act
        var outcome = await host.Poller("x").PollAsync();

        // Assert
        Assert.Equal(2, outcome.Enqueued);
        Assert.Equal(reset, (await host.Store.GetAsync("x", "mentions")).NotBefore);
    }

    [Theory]
    [InlineData("""{ "data": { "id": "1" } }""", "$.data should be an array")]
    [InlineData("""{ "data": [ { "id": "1", "text": "hi" } ] }""", "$.data[].author_id is missing")]
    [InlineData("""{ "data": [ """, "not valid JSON")]
    public async Task PollAsync_ShouldKeepTheCursorAndNameTheProblem_WhenTheResponseIsMalformed(string body, string problem)
    {
        // Arrange
        await SeedCursorAsync(body, out var host);
        using var _ = host;

        // Act
        host.Time.Advance(TimeSpan.FromMinutes(2));
        var outcome = await host.Poller("x").PollAsync();

        // Assert
        Assert.Contains(problem, Assert.Single(outcome.Errors), StringComparison.Ordinal);
        Assert.Equal(0, outcome.Enqueued);
        var state = await host.Store.GetAsync("x", "mentions");
        Assert.Equal("1829347281036542391", state.Cursor);
        Assert.Equal(1, state.Failures);
    }

    [Fact]
    public async Task PollAsync_ShouldKeepTheCursor_WhenTheResponseIsOversized()
    {
        // Arrange
        var huge = "{ \"data\": [], \"padding\": \"" + new string('a', 5 * 1024 * 1024) + "\" }";
        await SeedCursorAsync(huge, out var host);
        using var _ = host;

        // Act
        host.Time.Advance(TimeSpan.FromMinutes(2));
        var outcome = await host.Poller("x").PollAsync();

        // Assert
        Assert.Contains("larger than", Assert.Single(outcome.Errors), StringComparison.Ordinal);
        Assert.Equal("1829347281036542391", (await host.Store.GetAsync("x", "mentions")).Cursor);
    }

    [Fact]
    public async Task PollAsync_ShouldEnqueueIndirectMentionsFromBrandSearch_WhenBrandQueriesAreSet()
    {
        // Arrange
        _api.Handler = (request, _) => (200, request.Path.StartsWith("/2/tweets/search/recent", StringComparison.Ordinal) ? Fixtures.Read("x-mentions.json") : """{ "meta": { "result_count": 0 } }""", null);
        using var host = new ConnectorHost(_api.Settings(("SocialBot:Networks:X:BrandQueries:0", "\"market hall\"")));

        // Act
        var outcome = await host.Poller("x").PollAsync();

        // Assert
        Assert.Equal(0, _api.BadSignatures);
        Assert.Equal(2, outcome.Enqueued);
        Assert.All(host.Queue.Mentions, mention => Assert.False(mention.Direct));
        var search = Assert.Single(_api.Requests, r => r.Path.StartsWith("/2/tweets/search/recent", StringComparison.Ordinal));
        Assert.Contains("query=%28%22market%20hall%22%29%20-is%3Aretweet%20-%40MarketHall", search.Path, StringComparison.Ordinal);
        Assert.NotNull((await host.Store.GetAsync("x", "brand-0")).Cursor);
    }

    [Fact]
    public async Task SendAsync_ShouldPostInTheThreadAndRecordThePostId_WhenReplyIsForAnXMention()
    {
        // Arrange
        _api.Handler = (_, _) => (201, Fixtures.Read("x-post-created.json"), null);
        using var host = new ConnectorHost(_api.Settings());
        var channel = host.Channel("x");
        var reply = Reply("1829347281036542391");

        // Act
        await channel.SendAsync(reply);
        await channel.SendAsync(reply);

        // Assert
        Assert.Equal(0, _api.BadSignatures);
        var post = Assert.Single(_api.Requests);
        Assert.Equal("POST", post.Method);
        Assert.Equal("/2/tweets", post.Path);
        using var body = JsonDocument.Parse(post.Body);
        Assert.Equal(reply.Text, body.RootElement.GetProperty("text").GetString());
        Assert.Equal("1829347281036542391", body.RootElement.GetProperty("reply").GetProperty("in_reply_to_tweet_id").GetString());
        Assert.Equal("1829350000000000099", await host.Store.FindReplyAsync("x", reply.ReplyId));
    }

    [Fact]
    public async Task SendAsync_ShouldFailPermanently_WhenXRefusesDuplicateContent()
    {
        // Arrange
        _api.Handler = (_, _) => (403, Fixtures.Read("x-duplicate.json"), null);
        using var host = new ConnectorHost(_api.Settings());

        // Act
        var exception = await Assert.ThrowsAsync<PermanentDeliveryException>(() => host.Channel("x").SendAsync(Reply("1")));

        // Assert
        Assert.Contains("duplicate content", exception.Message, StringComparison.Ordinal);
        Assert.Null(await host.Store.FindReplyAsync("x", "x/1/acknowledgement"));
    }

    [Fact]
    public async Task SendAsync_ShouldThrowTransientError_WhenXAnswers503()
    {
        // Arrange
        _api.Handler = (_, _) => (503, """{ "title": "Service Unavailable" }""", null);
        using var host = new ConnectorHost(_api.Settings());

        // Act
        var exception = await Assert.ThrowsAsync<SocialBot.Networks.Common.NetworkApiException>(() => host.Channel("x").SendAsync(Reply("1")));

        // Assert: the post may have gone out before the 503, so the HTTP layer did not send it again (ADR-012).
        Assert.True(exception.IsTransient);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task PollAsync_ShouldLeaveA429ToThePoller_WhenXAsksToRetryAfterASecond()
    {
        // Arrange: the HTTP layer does not retry 429 for the polled networks; the poller records the reset.
        _api.Handler = (_, _) => (429, Fixtures.Read("x-rate-limited.json"), new Dictionary<string, string> { ["Retry-After"] = "1" });
        using var host = new ConnectorHost(_api.Settings(("SocialBot:Networks:X:PollSeconds", "60")));

        // Act: the clock never moves, so a retry's wait would never end.
        var limited = await host.Poller("x").PollAsync().WaitAsync(TimeSpan.FromSeconds(20));

        // Assert
        Assert.Contains("HTTP 429", Assert.Single(limited.Errors), StringComparison.Ordinal);
        Assert.Equal(host.Time.GetUtcNow().AddSeconds(1), limited.NextPollAt);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task PollAsync_ShouldSucceed_WhenXFailsOnceWith503()
    {
        // Arrange: a GET is safe to repeat, so the HTTP layer retries it after a jittered back-off.
        _api.Handler = (_, count) => count == 1
            ? (503, """{ "title": "Service Unavailable" }""", null)
            : (200, """{ "meta": { "result_count": 0 } }""", null);
        using var host = new ConnectorHost(_api.Settings());

        // Act
        var polling = host.Poller("x").PollAsync();
        await host.Time.WaitForTimerAsync(SocialBot.Networks.Common.NetworkServices.RequestTimeout);
        var backoff = await host.Time.NextTimerAsync();
        host.Time.Advance(backoff);
        var result = await polling.WaitAsync(TimeSpan.FromSeconds(20));

        // Assert
        Assert.True(result.Polled);
        Assert.Empty(result.Errors);
        Assert.InRange(backoff, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        Assert.Equal(2, _api.Requests.Count);
    }

    [Fact]
    public void CanDeliver_ShouldAcceptXAndTwitterOnly_WhenAskedAboutChannels()
    {
        using var host = new ConnectorHost(_api.Settings());
        var channel = host.Channel("x");

        Assert.True(channel.CanDeliver(Reply("1") with { Channel = "twitter" }));
        Assert.True(channel.CanDeliver(Reply("1")));
        Assert.False(channel.CanDeliver(Reply("1") with { Channel = "bluesky" }));
    }

    [Fact]
    public async Task CheckAsync_ShouldNameTheAccount_WhenCredentialsWork()
    {
        _api.Handler = (_, _) => (200, """{ "data": { "id": "783214", "name": "Market Hall", "username": "MarketHall" } }""", null);
        using var host = new ConnectorHost(_api.Settings());

        Assert.Equal("@MarketHall (id 783214)", await host.Check("x").CheckAsync());
    }

    private static OutgoingReply Reply(string tweetId) => new()
    {
        ReplyId = $"x/{tweetId}/acknowledgement",
        MentionId = tweetId,
        Channel = "x",
        ConversationId = tweetId,
        Kind = ReplyKind.Acknowledgement,
        Text = "Hi Dana, sorry about this. Our team is back at 9:00 AM Mon.",
        CreatedAt = new DateTimeOffset(2026, 11, 30, 22, 30, 0, TimeSpan.Zero),
        NetworkReference = new Dictionary<string, string> { [XReference.TweetId] = tweetId },
    };

    private Task<SocialBot.Core.Networks.PollOutcome> SeedCursorAsync(string secondBody, out ConnectorHost host)
    {
        _api.Handler = (_, count) => (200, count == 1 ? Fixtures.Read("x-mentions.json") : secondBody, null);
        host = new ConnectorHost(_api.Settings());
        return host.Poller("x").PollAsync();
    }
}
