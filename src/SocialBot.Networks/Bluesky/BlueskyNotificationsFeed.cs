using System.Text.Json;
using SocialBot.Core.Mentions;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.Bluesky;

/// <summary><c>app.bsky.notification.listNotifications</c>: mentions, replies and quotes of the account (direct).</summary>
internal sealed class BlueskyNotificationsFeed : BlueskyFeed
{
    private static readonly HashSet<string> Reasons = new(StringComparer.Ordinal) { "mention", "reply", "quote" };

    public BlueskyNotificationsFeed(BlueskyApi api)
        : base(api)
    {
    }

    public override string Name => "mentions";

    protected override Task<ApiResponse> FetchPageAsync(DateTimeOffset? since, string? cursor, CancellationToken cancellationToken) =>
        Api.ListNotificationsAsync(cursor, cancellationToken);

    protected override IEnumerable<JsonElement> Items(JsonElement root) => Json.OptionalArray(root, "notifications", "$");

    protected override Mention? ToMention(JsonElement item, string ownDid)
    {
        var reason = ApiJson.OptionalString(item, "reason");
        return reason is not null && Reasons.Contains(reason) ? Post(item, ownDid, direct: true, "$.notifications[]") : null;
    }
}
