namespace SocialBot.Core.Networks;

/// <summary>
/// A network's ingress: polls its mentions (and brand searches) and enqueues them as Mentions. The host calls
/// <see cref="PollAsync"/> from a timer every few seconds; the poller decides whether a poll is due (its interval,
/// or the backoff after a rate limit), so calling it often is cheap.
/// </summary>
public interface INetworkPoller
{
    /// <summary>The network's name (<c>x</c>, <c>bluesky</c>, <c>mastodon</c>).</summary>
    string Name { get; }

    Task<PollOutcome> PollAsync(CancellationToken cancellationToken = default);
}
