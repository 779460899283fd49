using System.Text.Json;
using SocialBot.Core.Mentions;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.X;

/// <summary>
/// Reads X v2 timeline pages (<c>data</c>, <c>includes.users</c>, <c>meta.newest_id</c>/<c>next_token</c>) into
/// Mentions. With a cursor (<c>since_id</c>) it follows the pages until none is left (at most <see cref="MaxPages"/>);
/// without one (the first poll) it reads one page, so a new installation does not answer last week's posts.
/// </summary>
internal abstract class XFeed : IFeed
{
    /// <summary>Pages read per poll at most (100 posts each).</summary>
    public const int MaxPages = 10;

    protected XFeed(XApi api, XOptions options)
    {
        Api = api;
        Options = options;
    }

    public abstract string Name { get; }

    protected XApi Api { get; }

    protected XOptions Options { get; }

    protected abstract bool Direct { get; }

    public async Task<FeedPage> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var mentions = new List<Mention>();
        string? newest = null;
        string? token = null;
        var rateLimit = default(RateLimit);
        for (var page = 0; page < MaxPages; page++)
        {
            using var response = await FetchPageAsync(cursor, token, cancellationToken);
            rateLimit = response.RateLimit;
            var (posts, pageNewest, next) = Read(response.Root);
            mentions.AddRange(posts);
            newest ??= pageNewest;
            token = next;
            if (cursor is null || token is null)
            {
                break;
            }
        }

        mentions.Reverse();
        return new FeedPage(mentions, newest, rateLimit);
    }

    protected abstract Task<ApiResponse> FetchPageAsync(string? sinceId, string? token, CancellationToken cancellationToken);

    private (List<Mention> Posts, string? Newest, string? Next) Read(JsonElement root)
    {
        var json = new ApiJson(XApi.Network, Name);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw json.Malformed("$", "should be an object");
        }

        var users = new Dictionary<string, (string? Username, string? Name)>(StringComparer.Ordinal);
        if (root.TryGetProperty("includes", out var includes))
        {
            foreach (var user in json.OptionalArray(includes, "users", "$.includes"))
            {
                users[json.RequiredString(user, "id", "$.includes.users[]")] = (ApiJson.OptionalString(user, "username"), ApiJson.OptionalString(user, "name"));
            }
        }

        var posts = new List<Mention>();
        foreach (var tweet in json.OptionalArray(root, "data", "$"))
        {
            var id = json.RequiredString(tweet, "id", "$.data[]");
            var authorId = json.RequiredString(tweet, "author_id", "$.data[]");
            var text = json.RequiredString(tweet, "text", "$.data[]");
            if (authorId == Options.UserId)
            {
                continue;
            }

            users.TryGetValue(authorId, out var author);
            string? inReplyTo = null;
            foreach (var reference in json.OptionalArray(tweet, "referenced_tweets", "$.data[]"))
            {
                if (ApiJson.OptionalString(reference, "type") == "replied_to")
                {
                    inReplyTo = ApiJson.OptionalString(reference, "id");
                }
            }

            posts.Add(new Mention
            {
                Id = id,
                Channel = XApi.Network,
                ConversationId = ApiJson.OptionalString(tweet, "conversation_id") ?? id,
                Author = new MentionAuthor { Id = authorId, Handle = author.Username, Name = author.Name },
                Text = MentionText.Clip(text),
                ReceivedAt = json.Instant(tweet, "created_at", "$.data[]", Api.Now),
                IsPublic = true,
                Direct = Direct,
                InReplyTo = inReplyTo,
                NetworkReference = new Dictionary<string, string>(StringComparer.Ordinal) { [XReference.TweetId] = id },
            });
        }

        string? newest = null;
        string? next = null;
        if (root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object)
        {
            newest = ApiJson.OptionalString(meta, "newest_id");
            next = ApiJson.OptionalString(meta, "next_token");
        }

        return (posts, newest, next);
    }
}
