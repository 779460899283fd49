using System.Text.Json;
using SocialBot.Core.Replies;
using SocialBot.Networks.Bluesky;
using SocialBot.Networks.Tests.Support;
using SocialBot.Testing.Bot;
using SocialBot.Testing.Networks;

namespace SocialBot.Networks.Tests.Bluesky;

/// <summary>Against a fake PDS that checks what Bluesky checks: the app password at createSession, the session's bearer token afterwards.</summary>
public sealed class BlueskyConnectorTests : IAsyncLifetime
{
    private const string Handle = "markethall.bsky.social";
    private const string AppPassword = "abcd-efgh-ijkl-mnop";
    private ScriptedApi _api = null!;
    private string _accessToken = "eyJhbGciOiJIUzI1NiJ9.access-1";
    private bool _expireFirstAccess;

    public async Task InitializeAsync()
    {
        _api = await ScriptedApi.StartAsync();
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task PollAsync_ShouldEnqueueMentionsRepliesAndQuotesWithRefs_WhenNotificationsArrive()
    {
        // Arrange
        Serve(notifications: Fixtures.Read("bluesky-notifications.json"));
        using var host = new ConnectorHost(Settings());

        // Act
        var outcome = await host.Poller("bluesky").PollAsync();

        // Assert
        Assert.Empty(outcome.Errors);
        Assert.Equal(2, outcome.Enqueued);
        Assert.Equal(2, outcome.Requests);
        var session = _api.Requests[0];
        Assert.Equal("/xrpc/com.atproto.server.createSession", session.Path);
        Assert.Equal("Bearer " + _accessToken, _api.Requests[1].Authorization);
        var (question, reply) = (host.Queue.Mentions[0], host.Queue.Mentions[1]);
        Assert.Equal("at://did:plc:asker0000000000000000000/app.bsky.feed.post/3lbx2mention", question.Id);
        Assert.Equal(question.Id, question.NetworkReference![BlueskyReference.RootUri]);
        Assert.Equal("bluesky", reply.Channel);
        Assert.Equal("did:plc:customer00000000000000", reply.Author.Id);
        Assert.Equal("dana.bsky.social", reply.Author.Handle);
        Assert.Equal("at://did:plc:markethall000000000000/app.bsky.feed.post/3lbx2root000", reply.ConversationId);
        Assert.Equal("bafyreiereplycid000000000000000000000000000000000000000", reply.NetworkReference![BlueskyReference.Cid]);
        Assert.Equal("bafyreirootcid00000000000000000000000000000000000000000", reply.NetworkReference[BlueskyReference.RootCid]);
        Assert.True(reply.Direct);
        Assert.Equal("2026-11-30T22:14:06.0000000+00:00", (await host.Store.GetAsync("bluesky", "mentions")).Cursor);
    }

    [Fact]
    public async Task PollAsync_ShouldEnqueueNothingTwice_WhenPolledAgainWithTheSamePage()
    {
        // Arrange
        Serve(notifications: Fixtures.Read("bluesky-notifications.json"));
        using var host = new ConnectorHost(Settings());
        var poller = host.Poller("bluesky");
        await poller.PollAsync();
        host.Time.Advance(TimeSpan.FromMinutes(1));

        // Act
        var again = await poller.PollAsync();

        // Assert
        Assert.True(again.Polled);
        Assert.Equal(0, again.Enqueued);
        Assert.Equal(2, host.Queue.Mentions.Count);
    }

    [Fact]
    public async Task PollAsync_ShouldRefreshTheSession_WhenTheAccessTokenExpired()
    {
        // Arrange
        _expireFirstAccess = true;
        Serve(notifications: Fixtures.Read("bluesky-notifications.json"));
        using var host = new ConnectorHost(Settings());

        // Act
        var outcome = await host.Poller("bluesky").PollAsync();

        // Assert
        Assert.Empty(outcome.Errors);
        Assert.Equal(2, outcome.Enqueued);
        var refresh = Assert.Single(_api.Requests, r => r.Path == "/xrpc/com.atproto.server.refreshSession");
        Assert.Equal("Bearer eyJhbGciOiJIUzI1NiJ9.refresh-1", refresh.Authorization);
        Assert.Equal("Bearer eyJhbGciOiJIUzI1NiJ9.access-2", _api.Requests[^1].Authorization);
    }

    [Fact]
    public async Task PollAsync_ShouldEnqueueOnlyBrandPostsThatDoNotMentionTheAccount_WhenSearching()
    {
        // Arrange
        Serve(notifications: """{ "notifications": [] }""", search: Fixtures.Read("bluesky-search.json"));
        using var host = new ConnectorHost(Settings(("SocialBot:Networks:Bluesky:BrandQueries:0", "\"market hall\"")));

        // Act
        await host.Poller("bluesky").PollAsync();

        // Assert
        var hit = Assert.Single(host.Queue.Mentions);
        Assert.False(hit.Direct);
        Assert.Equal("did:plc:critic000000000000000000", hit.Author.Id);
        Assert.Contains(_api.Requests, r => r.Path.StartsWith("/xrpc/app.bsky.feed.searchPosts?q=%22market%20hall%22&sort=latest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_ShouldCreateAReplyPostWithRootParentAndMentionFacet_WhenReplyIsForABlueskyMention()
    {
        // Arrange
        Serve(notifications: Fixtures.Read("bluesky-notifications.json"));
        using var host = new ConnectorHost(Settings());
        await host.Poller("bluesky").PollAsync();
        var mention = host.Queue.Mentions[1];
        var reply = new OutgoingReply
        {
            ReplyId = $"bluesky/{mention.Id}/acknowledgement",
            MentionId = mention.Id,
            Channel = "bluesky",
            ConversationId = mention.ConversationId,
            Kind = ReplyKind.Acknowledgement,
            Text = "Hi Dana, sorry about this. We're back at 9:00 AM Mon. 🙏",
            CreatedAt = host.Time.GetUtcNow(),
            NetworkReference = mention.NetworkReference,
        };

        // Act
        await host.Channel("bluesky").SendAsync(reply);

        // Assert
        var create = Assert.Single(_api.Requests, r => r.Path == "/xrpc/com.atproto.repo.createRecord");
        Assert.Equal("Bearer " + _accessToken, create.Authorization);
        using var body = JsonDocument.Parse(create.Body);
        var root = body.RootElement;
        Assert.Equal("did:plc:markethall000000000000", root.GetProperty("repo").GetString());
        Assert.Equal("app.bsky.feed.post", root.GetProperty("collection").GetString());
        var record = root.GetProperty("record");
        Assert.Equal("@dana.bsky.social " + reply.Text, record.GetProperty("text").GetString());
        Assert.Equal(mention.Id, record.GetProperty("reply").GetProperty("parent").GetProperty("uri").GetString());
        Assert.Equal("bafyreiereplycid000000000000000000000000000000000000000", record.GetProperty("reply").GetProperty("parent").GetProperty("cid").GetString());
        Assert.Equal("at://did:plc:markethall000000000000/app.bsky.feed.post/3lbx2root000", record.GetProperty("reply").GetProperty("root").GetProperty("uri").GetString());
        var facet = record.GetProperty("facets")[0];
        Assert.Equal(0, facet.GetProperty("index").GetProperty("byteStart").GetInt32());
        Assert.Equal(17, facet.GetProperty("index").GetProperty("byteEnd").GetInt32());
        Assert.Equal("did:plc:customer00000000000000", facet.GetProperty("features")[0].GetProperty("did").GetString());
        Assert.Equal("at://did:plc:markethall000000000000/app.bsky.feed.post/3lbx3ourreply", await host.Store.FindReplyAsync("bluesky", reply.ReplyId));
    }

    [Fact]
    public async Task CheckAsync_ShouldFail_WhenTheAppPasswordIsWrong()
    {
        Serve(notifications: "{}", password: "other");
        using var host = new ConnectorHost(Settings());

        var exception = await Assert.ThrowsAsync<SocialBot.Networks.Common.NetworkApiException>(() => host.Check("bluesky").CheckAsync());

        Assert.Contains("HTTP 401", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AppPassword, exception.Message, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SocialBot:Networks:Bluesky:ServiceUrl"] = _api.BaseUrl,
            ["SocialBot:Networks:Bluesky:Handle"] = Handle,
            ["SocialBot:Networks:Bluesky:AppPassword"] = AppPassword,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Routes like a PDS: createSession checks the app password, everything else the current access token.</summary>
    private void Serve(string notifications, string? search = null, string password = AppPassword)
    {
        var expired = _expireFirstAccess;
        _api.Handler = (request, _) =>
        {
            if (request.Path == "/xrpc/com.atproto.server.createSession")
            {
                using var body = JsonDocument.Parse(request.Body);
                var ok = body.RootElement.GetProperty("identifier").GetString() == Handle && body.RootElement.GetProperty("password").GetString() == password;
                return ok ? (200, Fixtures.Read("bluesky-session.json"), null) : (401, """{ "error": "AuthenticationRequired", "message": "Invalid identifier or password" }""", null);
            }

            if (request.Path == "/xrpc/com.atproto.server.refreshSession")
            {
                _accessToken = "eyJhbGciOiJIUzI1NiJ9.access-2";
                return request.Authorization == "Bearer eyJhbGciOiJIUzI1NiJ9.refresh-1"
                    ? (200, Fixtures.Read("bluesky-session.json").Replace("access-1", "access-2", StringComparison.Ordinal).Replace("refresh-1", "refresh-2", StringComparison.Ordinal), null)
                    : (400, """{ "error": "InvalidToken" }""", null);
            }

            if (expired)
            {
                expired = false;
                return (400, Fixtures.Read("bluesky-expired.json"), null);
            }

            if (request.Authorization != "Bearer " + _accessToken)
            {
                return (401, """{ "error": "AuthenticationRequired" }""", null);
            }

            return request.Path switch
            {
                var p when p.StartsWith("/xrpc/app.bsky.notification.listNotifications", StringComparison.Ordinal) => (200, notifications, null),
                var p when p.StartsWith("/xrpc/app.bsky.feed.searchPosts", StringComparison.Ordinal) => (200, search ?? """{ "posts": [] }""", null),
                "/xrpc/com.atproto.repo.createRecord" => (200, Fixtures.Read("bluesky-created.json"), null),
                _ => (404, """{ "error": "MethodNotImplemented" }""", null),
            };
        };
    }
}
