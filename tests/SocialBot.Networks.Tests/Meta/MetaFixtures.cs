using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SocialBot.Networks.Meta;
using SocialBot.Testing.Bot;

namespace SocialBot.Networks.Tests.Meta;

/// <summary>Webhook deliveries in Meta's documented shapes (Webhooks for Pages `feed`, Instagram `comments`), signed like Meta signs them.</summary>
internal static class MetaFixtures
{
    public const string AppSecret = "test-app-secret-not-real";
    public const string VerifyToken = "test-verify-token";
    public const string PageId = "104857600000001";
    public const string PageToken = "EAAtest-page-token";
    public const string InstagramId = "17841400000000001";
    public const string PostId = PageId + "_555000111";
    public const long CreatedTime = 1_764_036_000; // 2026-11-25T02:00:00Z

    public static MetaOptions Options(string graphBaseUrl = "http://127.0.0.1:9", MetaReplyPolicy facebook = MetaReplyPolicy.Public, MetaReplyPolicy instagram = MetaReplyPolicy.Public) => new()
    {
        GraphBaseUrl = graphBaseUrl,
        AppSecret = AppSecret,
        VerifyToken = VerifyToken,
        PageId = PageId,
        PageAccessToken = PageToken,
        InstagramAccountId = InstagramId,
        FacebookReplies = facebook,
        InstagramReplies = instagram,
    };

    public static Dictionary<string, string?> Settings(string graphBaseUrl) => new()
    {
        ["SocialBot:Networks:Meta:GraphBaseUrl"] = graphBaseUrl,
        ["SocialBot:Networks:Meta:AppSecret"] = AppSecret,
        ["SocialBot:Networks:Meta:VerifyToken"] = VerifyToken,
        ["SocialBot:Networks:Meta:PageId"] = PageId,
        ["SocialBot:Networks:Meta:PageAccessToken"] = PageToken,
        ["SocialBot:Networks:Meta:InstagramAccountId"] = InstagramId,
    };

    /// <summary>A Page `feed` change: a comment added to a post (parent_id is the post for a top-level comment).</summary>
    public static JsonObject FeedComment(string commentId, string message, string fromId = "2701000000000009", string fromName = "Dana Reyes", string verb = "add", string? parentId = null) => new()
    {
        ["field"] = "feed",
        ["value"] = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = fromId, ["name"] = fromName },
            ["post"] = new JsonObject
            {
                ["status_type"] = "added_photos",
                ["is_published"] = true,
                ["updated_time"] = "2026-11-25T02:00:00+0000",
                ["permalink_url"] = "https://www.facebook.com/permalink.php?story_fbid=555000111&id=" + PageId,
                ["promotion_status"] = "inactive",
                ["id"] = PostId,
            },
            ["message"] = message,
            ["post_id"] = PostId,
            ["comment_id"] = commentId,
            ["created_time"] = CreatedTime,
            ["item"] = "comment",
            ["parent_id"] = parentId ?? PostId,
            ["verb"] = verb,
        },
    };

    /// <summary>An Instagram `comments` change on the account's media.</summary>
    public static JsonObject InstagramComment(string commentId, string text, string fromId = "9870000000000001", string username = "dana.reyes", string? parentId = null)
    {
        var value = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = fromId, ["username"] = username },
            ["media"] = new JsonObject { ["id"] = "18000000000000042", ["media_product_type"] = "FEED" },
            ["id"] = commentId,
            ["text"] = text,
        };
        if (parentId is not null)
        {
            value["parent_id"] = parentId;
        }

        return new JsonObject { ["field"] = "comments", ["value"] = value };
    }

    public static byte[] PageDelivery(params JsonNode[] changes) => Delivery("page", PageId, changes);

    public static byte[] InstagramDelivery(params JsonNode[] changes) => Delivery("instagram", InstagramId, changes);

    public static byte[] Delivery(string objectType, string accountId, params JsonNode[] changes)
    {
        var body = new JsonObject
        {
            ["object"] = objectType,
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = accountId,
                ["time"] = CreatedTime + 1,
                ["changes"] = new JsonArray([.. changes]),
            }),
        };
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    public static string Sign(byte[] body) => MetaSignature.Sign(body, AppSecret);

    public static IOptions<MetaOptions> Wrap(MetaOptions options) => Microsoft.Extensions.Options.Options.Create(options);

    /// <summary>A fake Graph API: answers each request with <paramref name="answer"/> (status, JSON) by request number.</summary>
    public static Task<FakeHttpServer> StartGraphAsync(Func<RecordedRequest, int, (int Status, string Json)>? answer = null, Func<string?>? location = null) =>
        FakeHttpServer.StartAsync(async (context, request, count) =>
        {
            var (status, json) = answer?.Invoke(request, count) ?? (200, $"{{\"id\":\"{PageId}_reply{count}\"}}");
            context.Response.StatusCode = status;
            if (status is >= 300 and < 400 && location?.Invoke() is { } target)
            {
                context.Response.Headers.Location = target;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
        });

    public static string GraphError(int code, string message = "An error occurred", int? subcode = null) =>
        $"{{\"error\":{{\"message\":\"{message}\",\"type\":\"OAuthException\",\"code\":{code}{(subcode is null ? string.Empty : $",\"error_subcode\":{subcode}")},\"fbtrace_id\":\"AbCdEf123\"}}}}";
}
