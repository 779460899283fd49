using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialBot.Testing.Bot;

namespace SocialBot.Testing.Networks;

/// <summary>
/// A fake Bluesky PDS on loopback that checks what Bluesky checks: <c>com.atproto.server.createSession</c> takes the
/// handle and app password and issues a session; every other call needs the session's access token (401 otherwise),
/// <c>refreshSession</c> the refresh token. Its own routes: <c>app.bsky.notification.listNotifications</c> (the
/// mentions, newest first), <c>app.bsky.feed.searchPosts</c> (nothing found) and <c>com.atproto.repo.createRecord</c>
/// of a reply post, refused unless its <c>reply.root</c> and <c>reply.parent</c> strong refs (uri and cid) name a
/// served post and the repo is the session's DID.
/// </summary>
public sealed class FakeBlueskyApi : FakeNetworkApi
{
    public const string Handle = "markethall.bsky.social";
    public const string Did = "did:plc:markethall000000000000";

    private readonly Lock _session = new();
    private readonly string _appPassword;
    private string _accessJwt = "";
    private string _refreshJwt = "";
    private int _sessions;

    private FakeBlueskyApi(string appPassword)
    {
        _appPassword = appPassword;
    }

    public override string Network => "bluesky";

    public string AppPassword => _appPassword;

    /// <summary>Sessions created or refreshed so far.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    public static async Task<FakeBlueskyApi> StartAsync(bool randomCredentials = false)
    {
        var fake = new FakeBlueskyApi(randomCredentials ? FakeXApi.Random("app-") : "abcd-efgh-ijkl-mnop");
        await fake.StartServerAsync();
        return fake;
    }

    /// <summary>Ends the current session: the next call with its access token is answered 400 <c>ExpiredToken</c>, as the PDS does.</summary>
    public void ExpireAccessToken()
    {
        lock (_session)
        {
            _accessJwt = "expired:" + _accessJwt;
        }
    }

    public override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["SocialBot:Networks:Bluesky:ServiceUrl"] = BaseUrl,
        ["SocialBot:Networks:Bluesky:Handle"] = Handle,
        ["SocialBot:Networks:Bluesky:AppPassword"] = _appPassword,
    };

    protected override FakeMention CreateMention(int number, string text, string authorHandle, string authorName, DateTimeOffset createdAt, long visibleAt)
    {
        var did = $"did:plc:{authorHandle.Split('.')[0].PadRight(24, '0')[..24]}";
        var key = $"3lbx{number.ToString("D9", CultureInfo.InvariantCulture)}";
        return new FakeMention($"at://{did}/app.bsky.feed.post/{key}", text, authorHandle, authorName, createdAt, visibleAt)
        {
            Cid = $"bafyrei{number.ToString("D12", CultureInfo.InvariantCulture)}mentioncid",
        };
    }

    protected override (int Status, string Body)? Refuse(RecordedRequest request)
    {
        var path = request.Path.Split('?')[0];
        if (path is "/xrpc/com.atproto.server.createSession")
        {
            return null; // checked with the body
        }

        lock (_session)
        {
            var expected = path is "/xrpc/com.atproto.server.refreshSession" ? _refreshJwt : _accessJwt;
            if (expected.Length > 0 && request.Authorization == "Bearer " + expected)
            {
                return null;
            }

            if (_accessJwt.StartsWith("expired:", StringComparison.Ordinal) && request.Authorization == "Bearer " + _accessJwt["expired:".Length..])
            {
                return (400, """{ "error": "ExpiredToken", "message": "Token has expired" }""");
            }
        }

        return (401, """{ "error": "AuthenticationRequired", "message": "Invalid identifier or password" }""");
    }

    protected override (int Status, string Body, IDictionary<string, string>? Headers) Serve(RecordedRequest request) =>
        request.Path.Split('?')[0] switch
        {
            "/xrpc/com.atproto.server.createSession" => CreateSession(request.Body),
            "/xrpc/com.atproto.server.refreshSession" => (200, NewSession(), null),
            "/xrpc/app.bsky.notification.listNotifications" => (200, Notifications(), null),
            "/xrpc/app.bsky.feed.searchPosts" => (200, """{ "posts": [] }""", null),
            "/xrpc/com.atproto.repo.createRecord" when request.Method == "POST" => CreateRecord(request.Body),
            _ => (501, """{ "error": "MethodNotImplemented", "message": "Method Not Implemented" }""", null),
        };

    private (int, string, IDictionary<string, string>?) CreateSession(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.GetProperty("identifier").GetString() == Handle && json.RootElement.GetProperty("password").GetString() == _appPassword)
            {
                return (200, NewSession(), null);
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (400, """{ "error": "InvalidRequest", "message": "Input must have the property \"identifier\"" }""", null);
        }

        return (401, """{ "error": "AuthenticationRequired", "message": "Invalid identifier or password" }""", null);
    }

    private string NewSession()
    {
        lock (_session)
        {
            var number = Interlocked.Increment(ref _sessions);
            _accessJwt = $"eyJhbGciOiJIUzI1NiJ9.access-{number}.{FakeXApi.Random("")}";
            _refreshJwt = $"eyJhbGciOiJIUzI1NiJ9.refresh-{number}.{FakeXApi.Random("")}";
            return new JsonObject
            {
                ["did"] = Did,
                ["handle"] = Handle,
                ["accessJwt"] = _accessJwt,
                ["refreshJwt"] = _refreshJwt,
                ["active"] = true,
            }.ToJsonString();
        }
    }

    private string Notifications() => new JsonObject
    {
        ["notifications"] = new JsonArray([.. Mentions.Reverse().Select(mention => new JsonObject
        {
            ["uri"] = mention.Id,
            ["cid"] = mention.Cid,
            ["author"] = new JsonObject { ["did"] = AuthorDid(mention), ["handle"] = mention.AuthorHandle, ["displayName"] = mention.AuthorName },
            ["reason"] = "mention",
            ["record"] = new JsonObject
            {
                ["$type"] = "app.bsky.feed.post",
                ["createdAt"] = Stamp(mention.CreatedAt),
                ["text"] = mention.Text,
            },
            ["isRead"] = false,
            ["indexedAt"] = Stamp(mention.CreatedAt),
            ["labels"] = new JsonArray(),
        })]),
    }.ToJsonString();

    private static string AuthorDid(FakeMention mention) => mention.Id["at://".Length..mention.Id.IndexOf("/app.bsky", StringComparison.Ordinal)];

    private (int, string, IDictionary<string, string>?) CreateRecord(string body)
    {
        string text;
        (string Uri, string Cid) root, parent;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.GetProperty("repo").GetString() != Did || json.RootElement.GetProperty("collection").GetString() != "app.bsky.feed.post")
            {
                return (400, """{ "error": "InvalidRequest", "message": "repo must be the session's DID and collection app.bsky.feed.post" }""", null);
            }

            var record = json.RootElement.GetProperty("record");
            text = record.GetProperty("text").GetString() ?? "";
            var reply = record.GetProperty("reply");
            root = (reply.GetProperty("root").GetProperty("uri").GetString()!, reply.GetProperty("root").GetProperty("cid").GetString()!);
            parent = (reply.GetProperty("parent").GetProperty("uri").GetString()!, reply.GetProperty("parent").GetProperty("cid").GetString()!);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (400, """{ "error": "InvalidRequest", "message": "Invalid app.bsky.feed.post record: a reply needs reply.root and reply.parent strong refs" }""", null);
        }

        if (!IsServedPost(root) || !IsServedPost(parent))
        {
            return (400, """{ "error": "InvalidRequest", "message": "Invalid reply: root and parent must be strong refs (uri and cid) of existing posts" }""", null);
        }

        var number = PostCount + 1;
        var uri = $"{Did.Replace("did:", "at://did:", StringComparison.Ordinal)}/app.bsky.feed.post/3lby{number.ToString("D9", CultureInfo.InvariantCulture)}";
        RecordPost(uri, parent.Uri, text);
        return (200, new JsonObject { ["uri"] = uri, ["cid"] = $"bafyrei{number.ToString("D12", CultureInfo.InvariantCulture)}replycid", ["validationStatus"] = "valid" }.ToJsonString(), null);
    }

    private bool IsServedPost((string Uri, string Cid) reference) => FindMention(reference.Uri) is { } mention && mention.Cid == reference.Cid;
}
