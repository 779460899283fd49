using System.Globalization;
using System.Text.Json;
using SocialBot.Core.Mentions;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.Bluesky;

/// <summary>
/// Bluesky feeds page backwards (newest first, <c>cursor</c> to older pages); the feed's own cursor is the newest
/// <c>indexedAt</c> already enqueued. Pages are read until one reaches that instant (at most <see cref="MaxPages"/>);
/// the first poll (no cursor) reads one page.
/// </summary>
internal abstract class BlueskyFeed : IFeed
{
    public const int MaxPages = 10;

    protected BlueskyFeed(BlueskyApi api)
    {
        Api = api;
    }

    public abstract string Name { get; }

    protected BlueskyApi Api { get; }

    protected ApiJson Json => new(BlueskyApi.Network, Name);

    public async Task<FeedPage> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var since = cursor is null ? (DateTimeOffset?)null : ParseCursor(cursor);
        var did = await Api.DidAsync(cancellationToken);
        var mentions = new List<Mention>();
        DateTimeOffset? newest = null;
        string? pageCursor = null;
        var rateLimit = default(RateLimit);
        for (var page = 0; page < MaxPages; page++)
        {
            using var response = await FetchPageAsync(since, pageCursor, cancellationToken);
            rateLimit = response.RateLimit;
            var reachedCursor = false;
            var items = Items(response.Root).ToList();
            foreach (var item in items)
            {
                var indexedAt = Json.Instant(item, "indexedAt", "$[]", Api.Now);
                if (since is { } s && indexedAt <= s)
                {
                    reachedCursor = true;
                    continue;
                }

                newest = newest is { } n && n >= indexedAt ? n : indexedAt;
                if (ToMention(item, did) is { } mention)
                {
                    mentions.Add(mention);
                }
            }

            pageCursor = ApiJson.OptionalString(response.Root, "cursor");
            if (since is null || reachedCursor || pageCursor is null || items.Count == 0)
            {
                break;
            }
        }

        mentions.Reverse();
        return new FeedPage(mentions, newest?.ToString("o", CultureInfo.InvariantCulture), rateLimit);
    }

    protected abstract Task<ApiResponse> FetchPageAsync(DateTimeOffset? since, string? cursor, CancellationToken cancellationToken);

    protected abstract IEnumerable<JsonElement> Items(JsonElement root);

    /// <summary>The mention for an item, or null when it is not one to answer (our own post, a like, …).</summary>
    protected abstract Mention? ToMention(JsonElement item, string ownDid);

    /// <summary>A post (notification or search hit: <c>uri</c>, <c>cid</c>, <c>author</c>, <c>record</c>) as a Mention.</summary>
    protected Mention? Post(JsonElement item, string ownDid, bool direct, string path)
    {
        var json = Json;
        var uri = json.RequiredString(item, "uri", path);
        var cid = json.RequiredString(item, "cid", path);
        var author = json.RequiredObject(item, "author", path);
        var authorDid = json.RequiredString(author, "did", path + ".author");
        if (authorDid == ownDid)
        {
            return null;
        }

        var record = json.RequiredObject(item, "record", path);
        var text = ApiJson.OptionalString(record, "text") ?? "";
        var root = new StrongRef(uri, cid);
        string? parentUri = null;
        if (record.TryGetProperty("reply", out var reply) && reply.ValueKind == JsonValueKind.Object)
        {
            var rootRef = json.RequiredObject(reply, "root", path + ".record.reply");
            root = new StrongRef(json.RequiredString(rootRef, "uri", path + ".record.reply.root"), json.RequiredString(rootRef, "cid", path + ".record.reply.root"));
            parentUri = ApiJson.OptionalString(json.RequiredObject(reply, "parent", path + ".record.reply"), "uri");
        }

        var handle = ApiJson.OptionalString(author, "handle");
        var reference = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [BlueskyReference.Uri] = uri,
            [BlueskyReference.Cid] = cid,
            [BlueskyReference.RootUri] = root.Uri,
            [BlueskyReference.RootCid] = root.Cid,
            [BlueskyReference.AuthorDid] = authorDid,
        };
        if (handle is not null)
        {
            reference[BlueskyReference.AuthorHandle] = handle;
        }

        return new Mention
        {
            Id = uri,
            Channel = BlueskyApi.Network,
            ConversationId = root.Uri,
            Author = new MentionAuthor { Id = authorDid, Handle = handle, Name = ApiJson.OptionalString(author, "displayName") },
            Text = MentionText.Clip(text),
            ReceivedAt = json.Instant(record, "createdAt", path + ".record", Api.Now),
            IsPublic = true,
            Direct = direct,
            InReplyTo = parentUri,
            NetworkReference = reference,
        };
    }

    private DateTimeOffset ParseCursor(string cursor) =>
        DateTimeOffset.TryParse(cursor, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw Json.Malformed("cursor", $"'{cursor}' stored for the feed is not an instant");
}
