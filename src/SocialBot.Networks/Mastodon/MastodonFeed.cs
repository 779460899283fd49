using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SocialBot.Core.Mentions;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.Mastodon;

/// <summary>
/// Mastodon lists page backwards from the newest (<c>since_id</c> = the feed's cursor, <c>max_id</c> = the oldest id
/// of the previous page) until a page is short (at most <see cref="MaxPages"/>); the first poll reads one page.
/// </summary>
internal abstract partial class MastodonFeed : IFeed
{
    public const int MaxPages = 10;
    private const int PageSize = 40;

    protected MastodonFeed(MastodonApi api)
    {
        Api = api;
    }

    public abstract string Name { get; }

    protected MastodonApi Api { get; }

    protected ApiJson Json => new(MastodonApi.Network, Name);

    public async Task<FeedPage> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var ownId = await Api.AccountIdAsync(cancellationToken);
        var mentions = new List<Mention>();
        string? newest = null;
        string? maxId = null;
        var rateLimit = default(RateLimit);
        for (var page = 0; page < MaxPages; page++)
        {
            using var response = await FetchPageAsync(cursor, maxId, cancellationToken);
            rateLimit = response.RateLimit;
            var items = Json.RootArray(response.Root).ToList();
            foreach (var item in items)
            {
                var id = Json.RequiredString(item, "id", "$[]");
                if (MentionText.CompareIds(id, newest) > 0)
                {
                    newest = id;
                }

                if (maxId is null || MentionText.CompareIds(id, maxId) < 0)
                {
                    maxId = id;
                }

                if (ToMention(item, ownId) is { } mention)
                {
                    mentions.Add(mention);
                }
            }

            if (cursor is null || items.Count < PageSize)
            {
                break;
            }
        }

        mentions.Reverse();
        return new FeedPage(mentions, newest, rateLimit);
    }

    protected abstract Task<ApiResponse> FetchPageAsync(string? sinceId, string? maxId, CancellationToken cancellationToken);

    protected abstract Mention? ToMention(JsonElement item, string ownAccountId);

    /// <summary>A status as a Mention; null for our own statuses and boosts.</summary>
    protected Mention? Status(JsonElement status, string ownAccountId, bool direct, string path)
    {
        var json = Json;
        if (status.TryGetProperty("reblog", out var reblog) && reblog.ValueKind == JsonValueKind.Object)
        {
            return null;
        }

        var id = json.RequiredString(status, "id", path);
        var account = json.RequiredObject(status, "account", path);
        var accountId = json.RequiredString(account, "id", path + ".account");
        if (accountId == ownAccountId)
        {
            return null;
        }

        var acct = json.RequiredString(account, "acct", path + ".account");
        var visibility = ApiJson.OptionalString(status, "visibility") ?? "public";
        return new Mention
        {
            Id = id,
            Channel = MastodonApi.Network,
            // Statuses carry no thread id; one conversation per customer keeps "one acknowledgement per closed period".
            ConversationId = "acct:" + acct,
            Author = new MentionAuthor
            {
                Id = accountId,
                Handle = acct,
                Name = ApiJson.OptionalString(account, "display_name") is { Length: > 0 } display ? display : null,
                IsBot = ApiJson.OptionalBool(account, "bot"),
            },
            Text = MentionText.Clip(PlainText(ApiJson.OptionalString(status, "content") ?? "")),
            ReceivedAt = json.Instant(status, "created_at", path, Api.Now),
            IsPublic = visibility is "public" or "unlisted",
            Direct = direct,
            InReplyTo = ApiJson.OptionalString(status, "in_reply_to_id"),
            NetworkReference = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [MastodonReference.StatusId] = id,
                [MastodonReference.Visibility] = visibility,
                [MastodonReference.Acct] = acct,
            },
        };
    }

    protected static bool MentionsAccount(JsonElement status, string ownAccountId) =>
        status.TryGetProperty("mentions", out var mentions) && mentions.ValueKind == JsonValueKind.Array
        && mentions.EnumerateArray().Any(mention => ApiJson.OptionalString(mention, "id") == ownAccountId);

    /// <summary>Mastodon sends the status as HTML: paragraphs and line breaks become newlines, tags go, entities are decoded.</summary>
    public static string PlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = LineBreak().Replace(html, "\n");
        text = ParagraphBreak().Replace(text, "\n\n");
        text = Tag().Replace(text, "");
        return WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</p>\s*<p[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
