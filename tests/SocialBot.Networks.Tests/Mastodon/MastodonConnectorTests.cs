using System.Text.Json;
using SocialBot.Core.Replies;
using SocialBot.Networks.Mastodon;
using SocialBot.Networks.Tests.Support;
using SocialBot.Testing.Networks;

namespace SocialBot.Networks.Tests.Mastodon;

/// <summary>Against a fake instance that checks the account's bearer token on every request, as Mastodon does.</summary>
public sealed class MastodonConnectorTests : IAsyncLifetime
{
    private const string Token = "mastodon-token-test";
    private ScriptedApi _api = null!;

    public async Task InitializeAsync() => _api = await ScriptedApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task PollAsync_ShouldEnqueueMentionsAsPlainTextWithVisibility_WhenNotificationsArrive()
    {
        // Arrange
        Serve(Fixtures.Read("mastodon-notifications.json"));
        using var host = new ConnectorHost(Settings());

        // Act
        var outcome = await host.Poller("mastodon").PollAsync();

        // Assert
        Assert.Empty(outcome.Errors);
        Assert.Equal(2, outcome.Enqueued);
        Assert.All(_api.Requests, request => Assert.Equal("Bearer " + Token, request.Authorization));
        Assert.Contains(_api.Requests, r => r.Path.StartsWith("/api/v1/notifications?types[]=mention", StringComparison.Ordinal)
            || r.Path.StartsWith("/api/v1/notifications?types%5B%5D=mention", StringComparison.Ordinal));
        var dm = host.Queue.Mentions[1];
        Assert.Equal("113555000000000002", dm.Id);
        Assert.Equal("mastodon", dm.Channel);
        Assert.Equal("@markethall my order never arrived & nobody answers\n\norder 1234", dm.Text);
        Assert.False(dm.IsPublic);
        Assert.Equal("direct", dm.NetworkReference![MastodonReference.Visibility]);
        Assert.Equal("dana@social.example", dm.NetworkReference[MastodonReference.Acct]);
        Assert.Equal("109000000000000777", dm.Author.Id);
        Assert.True(host.Queue.Mentions[0].IsPublic);
        Assert.Equal("34975861", (await host.Store.GetAsync("mastodon", "mentions")).Cursor);
    }

    [Fact]
    public async Task PollAsync_ShouldAskSinceTheCursor_WhenPolledAgain()
    {
        // Arrange
        Serve(Fixtures.Read("mastodon-notifications.json"));
        using var host = new ConnectorHost(Settings());
        var poller = host.Poller("mastodon");
        await poller.PollAsync();
        Serve("[]");
        host.Time.Advance(TimeSpan.FromSeconds(30));

        // Act
        var again = await poller.PollAsync();

        // Assert
        Assert.Equal(0, again.Enqueued);
        Assert.Contains("since_id=34975861", _api.Requests[^1].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollAsync_ShouldWaitForTheIsoReset_WhenRateLimited()
    {
        // Arrange
        var reset = new DateTimeOffset(2026, 11, 30, 22, 35, 0, TimeSpan.Zero);
        Serve("[]", limited: reset);
        using var host = new ConnectorHost(Settings());
        var poller = host.Poller("mastodon");

        // Act
        var limited = await poller.PollAsync();
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var beforeReset = await poller.PollAsync();

        // Assert
        Assert.Contains("HTTP 429", Assert.Single(limited.Errors), StringComparison.Ordinal);
        Assert.Equal(reset, (await host.Store.GetAsync("mastodon", "mentions")).NotBefore);
        Assert.False(beforeReset.Polled);
    }

    [Fact]
    public async Task SendAsync_ShouldReplyDirectlyInTheThreadWithAnIdempotencyKey_WhenTheMentionWasADirectMessage()
    {
        // Arrange
        Serve(Fixtures.Read("mastodon-notifications.json"));
        using var host = new ConnectorHost(Settings());
        await host.Poller("mastodon").PollAsync();
        var mention = host.Queue.Mentions[1];
        var reply = new OutgoingReply
        {
            ReplyId = $"mastodon/{mention.Id}/acknowledgement",
            MentionId = mention.Id,
            Channel = "mastodon",
            ConversationId = mention.ConversationId,
            Kind = ReplyKind.Acknowledgement,
            Text = "Hi Dana, sorry about this. We're back at 9:00 AM Mon.",
            CreatedAt = host.Time.GetUtcNow(),
            IsPublic = false,
            NetworkReference = mention.NetworkReference,
        };

        // Act
        await host.Channel("mastodon").SendAsync(reply);

        // Assert
        var post = Assert.Single(_api.Requests, r => r.Method == "POST");
        Assert.Equal("/api/v1/statuses", post.Path);
        Assert.Equal("Bearer " + Token, post.Authorization);
        using var body = JsonDocument.Parse(post.Body);
        Assert.Equal("113555000000000002", body.RootElement.GetProperty("in_reply_to_id").GetString());
        Assert.Equal("direct", body.RootElement.GetProperty("visibility").GetString());
        Assert.Equal("@dana@social.example " + reply.Text, body.RootElement.GetProperty("status").GetString());
        Assert.Equal("113555000000000099", await host.Store.FindReplyAsync("mastodon", reply.ReplyId));
    }

    [Fact]
    public async Task SendAsync_ShouldFailPermanently_WhenTheTokenIsRejected()
    {
        Serve("[]");
        using var host = new ConnectorHost(Settings(token: "revoked"));
        var reply = new OutgoingReply
        {
            ReplyId = "mastodon/1/acknowledgement",
            MentionId = "1",
            Channel = "mastodon",
            ConversationId = "acct:a",
            Kind = ReplyKind.Acknowledgement,
            Text = "Thanks!",
            CreatedAt = host.Time.GetUtcNow(),
            NetworkReference = new Dictionary<string, string> { [MastodonReference.StatusId] = "1", [MastodonReference.Visibility] = "public" },
        };

        var exception = await Assert.ThrowsAsync<PermanentDeliveryException>(() => host.Channel("mastodon").SendAsync(reply));

        Assert.Contains("401", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ShouldFailPermanentlyNamingTheKey_WhenTheReplyHasNoStatusId()
    {
        using var host = new ConnectorHost(Settings());
        var reply = new OutgoingReply
        {
            ReplyId = "mastodon/1/acknowledgement",
            MentionId = "1",
            Channel = "mastodon",
            ConversationId = "acct:a",
            Kind = ReplyKind.Acknowledgement,
            Text = "Thanks!",
            CreatedAt = host.Time.GetUtcNow(),
        };

        var exception = await Assert.ThrowsAsync<PermanentDeliveryException>(() => host.Channel("mastodon").SendAsync(reply));

        Assert.Contains("networkReference.statusId", exception.Message, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Settings(string token = Token) => new()
    {
        ["SocialBot:Networks:Mastodon:InstanceUrl"] = _api.BaseUrl,
        ["SocialBot:Networks:Mastodon:AccessToken"] = token,
    };

    private void Serve(string notifications, DateTimeOffset? limited = null) =>
        _api.Handler = (request, _) =>
        {
            if (request.Authorization != "Bearer " + Token)
            {
                return (401, """{ "error": "The access token is invalid" }""", null);
            }

            if (request.Path.StartsWith("/api/v1/accounts/verify_credentials", StringComparison.Ordinal))
            {
                return (200, Fixtures.Read("mastodon-account.json"), null);
            }

            if (request.Path.StartsWith("/api/v1/notifications", StringComparison.Ordinal))
            {
                return limited is { } reset
                    ? (429, """{ "error": "Too many requests" }""", new Dictionary<string, string> { ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset"] = reset.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture) })
                    : (200, notifications, null);
            }

            return request.Method == "POST" && request.Path == "/api/v1/statuses"
                ? (200, Fixtures.Read("mastodon-status-created.json"), null)
                : (404, """{ "error": "Record not found" }""", null);
        };
}
