using System.Text.Json;
using SocialBot.Core.Mentions;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.Mastodon;

/// <summary>Mention notifications (direct): the status inside each notification.</summary>
internal sealed class MastodonMentionsFeed : MastodonFeed
{
    public MastodonMentionsFeed(MastodonApi api)
        : base(api)
    {
    }

    public override string Name => "mentions";

    protected override Task<ApiResponse> FetchPageAsync(string? sinceId, string? maxId, CancellationToken cancellationToken) =>
        Api.MentionNotificationsAsync(sinceId, maxId, cancellationToken);

    protected override Mention? ToMention(JsonElement item, string ownAccountId)
    {
        if (ApiJson.OptionalString(item, "type") != "mention"
            || !item.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return Status(status, ownAccountId, direct: true, "$[].status");
    }
}
