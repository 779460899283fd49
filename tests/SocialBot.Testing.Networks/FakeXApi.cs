using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using SocialBot.Networks.X;
using SocialBot.Testing.Bot;

namespace SocialBot.Testing.Networks;

/// <summary>
/// A fake X API v2 on loopback that checks what X checks: every request carries an OAuth 1.0a header whose HMAC-SHA1
/// signature matches the request and the app's secrets (401 otherwise, as X answers). Its own routes:
/// <c>GET /2/users/{id}/mentions</c> (newest first, after <c>since_id</c>), <c>GET /2/users/me</c>,
/// <c>GET /2/tweets/search/recent</c> (nothing found) and <c>POST /2/tweets</c> (a reply to a served mention; the
/// same text twice in one thread is refused as duplicate content, as X does).
/// </summary>
public sealed partial class FakeXApi : FakeNetworkApi
{
    /// <summary>The account's numeric user id.</summary>
    public const string UserId = "783214";

    public const string Handle = "MarketHall";

    private const ulong FirstMentionId = 1_900_000_000_000_000_100;
    private const ulong FirstPostId = 1_900_000_000_000_900_000;

    private FakeXApi(string consumerKey, string consumerSecret, string accessToken, string accessTokenSecret)
    {
        ConsumerKey = consumerKey;
        ConsumerSecret = consumerSecret;
        AccessToken = accessToken;
        AccessTokenSecret = accessTokenSecret;
    }

    public override string Network => "x";

    public string ConsumerKey { get; }

    public string ConsumerSecret { get; }

    public string AccessToken { get; }

    public string AccessTokenSecret { get; }

    /// <summary>Requests whose OAuth 1.0a signature did not match.</summary>
    public int BadSignatures => Rejected;

    /// <summary>Starts the fake with the test credentials, or random ones (<paramref name="randomCredentials"/>) for a run outside the tests.</summary>
    public static async Task<FakeXApi> StartAsync(bool randomCredentials = false)
    {
        var fake = randomCredentials
            ? new FakeXApi(Random("ck-"), Random("cs-"), UserId + "-" + Random("at-"), Random("ats-"))
            : new FakeXApi("ck-test", "cs-test", UserId + "-at-test", "ats-test");
        await fake.StartServerAsync();
        return fake;
    }

    public Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SocialBot:Networks:X:BaseUrl"] = BaseUrl,
            ["SocialBot:Networks:X:UserId"] = UserId,
            ["SocialBot:Networks:X:Handle"] = Handle,
            ["SocialBot:Networks:X:ConsumerKey"] = ConsumerKey,
            ["SocialBot:Networks:X:ConsumerSecret"] = ConsumerSecret,
            ["SocialBot:Networks:X:AccessToken"] = AccessToken,
            ["SocialBot:Networks:X:AccessTokenSecret"] = AccessTokenSecret,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public override IReadOnlyDictionary<string, string?> Settings() => Settings([]);

    internal static string Random(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    protected override FakeMention CreateMention(int number, string text, string authorHandle, string authorName, DateTimeOffset createdAt, long visibleAt) =>
        new((FirstMentionId + (ulong)number).ToString(CultureInfo.InvariantCulture), text, authorHandle, authorName, createdAt, visibleAt);

    protected override (int Status, string Body)? Refuse(RecordedRequest request) =>
        SignatureValid(request) ? null : (401, """{ "title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized" }""");

    protected override (int Status, string Body, IDictionary<string, string>? Headers) Serve(RecordedRequest request)
    {
        var path = request.Path.Split('?')[0];
        var query = QueryHelpers.ParseQuery(request.Path.Contains('?', StringComparison.Ordinal) ? request.Path[request.Path.IndexOf('?', StringComparison.Ordinal)..] : "");
        return (request.Method, path) switch
        {
            ("GET", $"/2/users/{UserId}/mentions") => (200, MentionsPage(query.TryGetValue("since_id", out var since) ? since.ToString() : null), null),
            ("GET", "/2/users/me") => (200, $$"""{ "data": { "id": "{{UserId}}", "name": "Market Hall", "username": "{{Handle}}" } }""", null),
            ("GET", "/2/tweets/search/recent") => (200, """{ "meta": { "result_count": 0 } }""", null),
            ("POST", "/2/tweets") => Reply(request.Body),
            _ => (404, """{ "title": "Not Found Error", "type": "https://api.twitter.com/2/problems/resource-not-found", "status": 404 }""", null),
        };
    }

    private string MentionsPage(string? sinceId)
    {
        var since = ulong.TryParse(sinceId, CultureInfo.InvariantCulture, out var value) ? value : 0;
        var mentions = Mentions.Where(mention => ulong.Parse(mention.Id, CultureInfo.InvariantCulture) > since).Reverse().ToList();
        if (mentions.Count == 0)
        {
            return """{ "meta": { "result_count": 0 } }""";
        }

        var users = mentions.Select(mention => mention.AuthorHandle).Distinct(StringComparer.Ordinal).ToList();
        return new JsonObject
        {
            ["data"] = new JsonArray([.. mentions.Select(mention => new JsonObject
            {
                ["id"] = mention.Id,
                ["author_id"] = AuthorId(users, mention.AuthorHandle),
                ["conversation_id"] = mention.Id,
                ["created_at"] = Stamp(mention.CreatedAt),
                ["edit_history_tweet_ids"] = new JsonArray(mention.Id),
                ["in_reply_to_user_id"] = UserId,
                ["text"] = mention.Text,
            })]),
            ["includes"] = new JsonObject
            {
                ["users"] = new JsonArray([.. mentions.DistinctBy(mention => mention.AuthorHandle).Select(mention => new JsonObject
                {
                    ["id"] = AuthorId(users, mention.AuthorHandle),
                    ["name"] = mention.AuthorName,
                    ["username"] = mention.AuthorHandle,
                })]),
            },
            ["meta"] = new JsonObject { ["newest_id"] = mentions[0].Id, ["oldest_id"] = mentions[^1].Id, ["result_count"] = mentions.Count },
        }.ToJsonString();
    }

    private static string AuthorId(List<string> users, string handle) => (2_244_994_900 + users.IndexOf(handle)).ToString(CultureInfo.InvariantCulture);

    private (int Status, string Body, IDictionary<string, string>? Headers) Reply(string body)
    {
        string text;
        string? inReplyTo;
        try
        {
            using var json = JsonDocument.Parse(body);
            text = json.RootElement.GetProperty("text").GetString() ?? "";
            inReplyTo = json.RootElement.TryGetProperty("reply", out var reply) ? reply.GetProperty("in_reply_to_tweet_id").GetString() : null;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (400, """{ "errors": [ { "message": "Invalid JSON body" } ], "title": "Invalid Request", "status": 400 }""", null);
        }

        if (inReplyTo is null || FindMention(inReplyTo) is null)
        {
            return (403, """{ "detail": "You attempted to reply to a Tweet that is deleted or not visible to you.", "type": "about:blank", "title": "Forbidden", "status": 403 }""", null);
        }

        if (Posts.Any(post => post.InReplyTo == inReplyTo && post.Text == text))
        {
            return (403, """{ "detail": "You are not allowed to create a Tweet with duplicate content.", "type": "about:blank", "title": "Forbidden", "status": 403 }""", null);
        }

        var id = (FirstPostId + (ulong)PostCount + 1).ToString(CultureInfo.InvariantCulture);
        RecordPost(id, inReplyTo, text);
        return (201, new JsonObject { ["data"] = new JsonObject { ["id"] = id, ["edit_history_tweet_ids"] = new JsonArray(id), ["text"] = text } }.ToJsonString(), null);
    }

    private bool SignatureValid(RecordedRequest request)
    {
        if (request.Authorization is not { } header || !header.StartsWith("OAuth ", StringComparison.Ordinal))
        {
            return false;
        }

        var parameters = OAuthParameter().Matches(header).ToDictionary(m => Uri.UnescapeDataString(m.Groups[1].Value), m => Uri.UnescapeDataString(m.Groups[2].Value));
        if (parameters.GetValueOrDefault("oauth_consumer_key") != ConsumerKey || parameters.GetValueOrDefault("oauth_token") != AccessToken
            || parameters.GetValueOrDefault("oauth_signature_method") != "HMAC-SHA1" || !parameters.TryGetValue("oauth_signature", out var signature))
        {
            return false;
        }

        var expected = new OAuth1Signer(ConsumerKey, ConsumerSecret, AccessToken, AccessTokenSecret)
            .Sign(new HttpMethod(request.Method), new Uri(BaseUrl + request.Path), null, parameters);
        return expected == signature;
    }

    [GeneratedRegex("([a-z_]+)=\"([^\"]*)\"")]
    private static partial Regex OAuthParameter();
}
