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
