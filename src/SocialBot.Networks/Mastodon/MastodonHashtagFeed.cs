using System.Text.Json;
using SocialBot.Core.Mentions;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.Mastodon;

/// <summary>A brand hashtag's timeline (<c>direct: false</c>); statuses that mention the account arrive as notifications and are skipped here.</summary>
internal sealed class MastodonHashtagFeed : MastodonFeed
{
    private readonly string _hashtag;

    public MastodonHashtagFeed(MastodonApi api, int index, string hashtag)
        : base(api)
    {
        Name = $"brand-{index}";
        _hashtag = hashtag.TrimStart('#');
    }

    public override string Name { get; }

    protected override Task<ApiResponse> FetchPageAsync(string? sinceId, string? maxId, CancellationToken cancellationToken) =>
        Api.HashtagTimelineAsync(_hashtag, sinceId, maxId, cancellationToken);

    protected override Mention? ToMention(JsonElement item, string ownAccountId) =>
        MentionsAccount(item, ownAccountId) ? null : Status(item, ownAccountId, direct: false, "$[]");
}
