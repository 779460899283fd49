namespace SocialBot.Core.Networks;

/// <summary>
/// Where each network poller keeps its cursor and backoff (one row per network and feed: <c>x/mentions</c>,
/// <c>x/brand-0</c> …) and where reply channels record the platform's id of each post they made. A table store
/// implements it; <c>socialbot networks</c> reads it.
/// </summary>
public interface INetworkStateStore
{
    /// <summary>The feed's state; a fresh (empty) state when the feed was never polled.</summary>
    Task<FeedState> GetAsync(string network, string feed, CancellationToken cancellationToken = default);

    Task SaveAsync(FeedState state, CancellationToken cancellationToken = default);

    /// <summary>Every feed of the network (for status).</summary>
    Task<IReadOnlyList<FeedState>> ListAsync(string network, CancellationToken cancellationToken = default);

    /// <summary>Records a reply the network's channel posted: our reply id and the platform's id of the post (idempotent per reply id).</summary>
    Task RecordReplyAsync(string network, string replyId, string platformPostId, DateTimeOffset postedAt, CancellationToken cancellationToken = default);

    /// <summary>The platform's id of the post made for a reply, or null when none was recorded.</summary>
    Task<string?> FindReplyAsync(string network, string replyId, CancellationToken cancellationToken = default);

    /// <summary>How many replies the network's channel posted.</summary>
    Task<int> CountRepliesAsync(string network, CancellationToken cancellationToken = default);
}

/// <summary>One feed's cursor, backoff and last outcome.</summary>
public sealed record FeedState
{
    public required string Network { get; init; }

    /// <summary><c>mentions</c>, or <c>brand-N</c> for the N-th brand query.</summary>
    public required string Feed { get; init; }

    /// <summary>The newest item already enqueued (X/Mastodon <c>since_id</c>, Bluesky the newest <c>indexedAt</c>); null before the first poll.</summary>
    public string? Cursor { get; init; }

    /// <summary>No poll before this instant (after a 429 or an exhausted rate limit, or a failure's backoff).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    public DateTimeOffset? LastPollAt { get; init; }

    /// <summary>The last failure (one line, no tokens); null after a successful poll.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    /// <summary>Consecutive failed polls (the backoff grows with it).</summary>
    public int Failures { get; init; }

    /// <summary>Mentions enqueued from this feed, in total.</summary>
    public long Enqueued { get; init; }

    /// <summary>Opaque version for the store (an ETag); null when the row does not exist yet.</summary>
    public string? Version { get; init; }
}
