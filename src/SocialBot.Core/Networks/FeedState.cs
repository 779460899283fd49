namespace SocialBot.Core.Networks;

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
