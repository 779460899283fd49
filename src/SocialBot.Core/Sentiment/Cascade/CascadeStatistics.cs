namespace SocialBot.Core.Sentiment.Cascade;

/// <summary>A snapshot of what the cascade did: how much it cost (share sent) and how often it fell back.</summary>
public sealed record CascadeStatistics
{
    public required long TextsSeen { get; init; }

    public required long TextsSentToRemote { get; init; }

    /// <summary>Texts the remote analyzer could not score (failure, timeout, throttling, open circuit) and the local result was used.</summary>
    public required long Fallbacks { get; init; }

    public required long RemoteFailures { get; init; }

    public required CircuitState BreakerState { get; init; }

    /// <summary>Share of seen texts sent to the remote analyzer (the cost), from 0 to 1.</summary>
    public double ShareSentToRemote => TextsSeen == 0 ? 0 : (double)TextsSentToRemote / TextsSeen;
}
