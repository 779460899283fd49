using System.Globalization;
using System.Text.Json;
using SocialBot.Core.Mentions;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.Bluesky;

/// <summary>
/// One brand query on <c>app.bsky.feed.searchPosts</c> (sorted latest): posts that name the brand (<c>direct: false</c>).
/// Posts that mention the account (a mention facet with its DID) are skipped: they arrive as notifications, so the
/// direct one wins.
/// </summary>
internal sealed class BlueskyBrandFeed : BlueskyFeed
{
    private readonly string _query;

    public BlueskyBrandFeed(BlueskyApi api, int index, string query)
        : base(api)
    {
        Name = $"brand-{index}";
        _query = query;
    }

    public override string Name { get; }

    protected override Task<ApiResponse> FetchPageAsync(DateTimeOffset? since, string? cursor, CancellationToken cancellationToken) =>
        Api.SearchPostsAsync(_query, since?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), cursor, cancellationToken);

    protected override IEnumerable<JsonElement> Items(JsonElement root) => Json.OptionalArray(root, "posts", "$");

    protected override Mention? ToMention(JsonElement item, string ownDid) =>
        MentionsAccount(item, ownDid) ? null : Post(item, ownDid, direct: false, "$.posts[]");

    private static bool MentionsAccount(JsonElement item, string ownDid)
    {
        if (!item.TryGetProperty("record", out var record) || record.ValueKind != JsonValueKind.Object
            || !record.TryGetProperty("facets", out var facets) || facets.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        return facets.EnumerateArray()
            .Where(facet => facet.ValueKind == JsonValueKind.Object && facet.TryGetProperty("features", out var f) && f.ValueKind == JsonValueKind.Array)
            .SelectMany(facet => facet.GetProperty("features").EnumerateArray())
            .Any(feature => ApiJson.OptionalString(feature, "did") == ownDid);
    }
}
