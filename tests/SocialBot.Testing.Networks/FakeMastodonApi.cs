using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using SocialBot.Testing.Bot;

namespace SocialBot.Testing.Networks;

/// <summary>
/// A fake Mastodon instance on loopback that checks what Mastodon checks: every call carries the account's bearer
/// token (401 otherwise). Its own routes: <c>GET /api/v1/accounts/verify_credentials</c>,
/// <c>GET /api/v1/notifications?types[]=mention</c> (newest first, after <c>since_id</c>), hashtag timelines (empty) and
/// <c>POST /api/v1/statuses</c> (a reply to a served status; 404 for an unknown <c>in_reply_to_id</c>).
/// </summary>
public sealed class FakeMastodonApi : FakeNetworkApi
{
    public const string AccountId = "109000000000000001";

    private const long FirstStatusId = 113_555_000_000_000_100;
    private const long FirstNotificationId = 34_975_900;

    private FakeMastodonApi(string accessToken)
    {
        AccessToken = accessToken;
    }

    public override string Network => "mastodon";

    public string AccessToken { get; }

    public static async Task<FakeMastodonApi> StartAsync(bool randomCredentials = false)
    {
        var fake = new FakeMastodonApi(randomCredentials ? FakeXApi.Random("mastodon-") : "mastodon-token-test");
        await fake.StartServerAsync();
        return fake;
    }

    public override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["SocialBot:Networks:Mastodon:InstanceUrl"] = BaseUrl,
        ["SocialBot:Networks:Mastodon:AccessToken"] = AccessToken,
    };

    protected override FakeMention CreateMention(int number, string text, string authorHandle, string authorName, DateTimeOffset createdAt, long visibleAt) =>
        new((FirstStatusId + number).ToString(CultureInfo.InvariantCulture), text, authorHandle, authorName, createdAt, visibleAt);

    protected override (int Status, string Body)? Refuse(RecordedRequest request) =>
        request.Authorization == "Bearer " + AccessToken ? null : (401, """{ "error": "The access token is invalid" }""");

    protected override (int Status, string Body, IDictionary<string, string>? Headers) Serve(RecordedRequest request)
    {
        var path = request.Path.Split('?')[0];
        var query = QueryHelpers.ParseQuery(request.Path.Contains('?', StringComparison.Ordinal) ? request.Path[request.Path.IndexOf('?', StringComparison.Ordinal)..] : "");
        return (request.Method, path) switch
        {
            ("GET", "/api/v1/accounts/verify_credentials") => (200, Account().ToJsonString(), null),
            ("GET", "/api/v1/notifications") => (200, Notifications(query.TryGetValue("since_id", out var since) ? since.ToString() : null), null),
            ("GET", var p) when p.StartsWith("/api/v1/timelines/tag/", StringComparison.Ordinal) => (200, "[]", null),
            ("POST", "/api/v1/statuses") => Reply(request.Body),
            _ => (404, """{ "error": "Record not found" }""", null),
        };
    }

    private static JsonObject Account() => new()
    {
        ["id"] = AccountId,
        ["username"] = "markethall",
        ["acct"] = "markethall",
        ["display_name"] = "Market Hall",
        ["bot"] = false,
    };

    private static long NotificationId(FakeMention mention) => FirstNotificationId + (long.Parse(mention.Id, CultureInfo.InvariantCulture) - FirstStatusId);

    private string Notifications(string? sinceId)
    {
        var since = long.TryParse(sinceId, CultureInfo.InvariantCulture, out var value) ? value : 0;
        return new JsonArray([.. Mentions.Where(mention => NotificationId(mention) > since).Reverse().Select(mention =>
        {
            var account = new JsonObject { ["id"] = AuthorId(mention.AuthorHandle), ["username"] = mention.AuthorHandle.Split('@')[0], ["acct"] = mention.AuthorHandle, ["display_name"] = mention.AuthorName, ["bot"] = false };
            return new JsonObject
            {
                ["id"] = NotificationId(mention).ToString(CultureInfo.InvariantCulture),
                ["type"] = "mention",
                ["created_at"] = Stamp(mention.CreatedAt),
                ["account"] = account.DeepClone(),
                ["status"] = new JsonObject
                {
                    ["id"] = mention.Id,
                    ["created_at"] = Stamp(mention.CreatedAt),
                    ["in_reply_to_id"] = null,
                    ["visibility"] = "public",
                    ["content"] = $"<p>{WebUtility.HtmlEncode(mention.Text)}</p>",
                    ["account"] = account,
                    ["mentions"] = new JsonArray(new JsonObject { ["id"] = AccountId, ["username"] = "markethall", ["acct"] = "markethall" }),
                },
            };
        })]).ToJsonString();
    }

    /// <summary>A stable account id per author handle (the order in which authors first mentioned the account).</summary>
    private string AuthorId(string handle)
    {
        var authors = Mentions.Select(mention => mention.AuthorHandle).Distinct(StringComparer.Ordinal).ToList();
        return (109_000_000_000_100_000 + authors.IndexOf(handle)).ToString(CultureInfo.InvariantCulture);
    }

    private (int, string, IDictionary<string, string>?) Reply(string body)
    {
        string text;
        string? inReplyTo;
        string visibility;
        try
        {
            using var json = JsonDocument.Parse(body);
            text = json.RootElement.GetProperty("status").GetString() ?? "";
            inReplyTo = json.RootElement.TryGetProperty("in_reply_to_id", out var reply) ? reply.GetString() : null;
            visibility = json.RootElement.TryGetProperty("visibility", out var v) ? v.GetString() ?? "public" : "public";
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (422, """{ "error": "Validation failed: Text can't be blank" }""", null);
        }

        if (inReplyTo is null || FindMention(inReplyTo) is null)
        {
            return (404, """{ "error": "Record not found" }""", null);
        }

        var id = (FirstStatusId + 900_000 + PostCount + 1).ToString(CultureInfo.InvariantCulture);
        RecordPost(id, inReplyTo, text);
        return (200, new JsonObject
        {
            ["id"] = id,
            ["created_at"] = Stamp(Time.GetUtcNow()),
            ["in_reply_to_id"] = inReplyTo,
            ["visibility"] = visibility,
            ["content"] = $"<p>{WebUtility.HtmlEncode(text)}</p>",
            ["account"] = Account(),
            ["mentions"] = new JsonArray(),
        }.ToJsonString(), null);
    }
}
