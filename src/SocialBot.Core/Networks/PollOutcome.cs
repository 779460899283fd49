namespace SocialBot.Core.Networks;

/// <summary>What one call of <see cref="INetworkPoller.PollAsync"/> did.</summary>
public sealed record PollOutcome
{
    public required string Network { get; init; }

    /// <summary>False when no feed was due (nothing was requested).</summary>
    public required bool Polled { get; init; }

    /// <summary>Mentions enqueued by this call.</summary>
    public int Enqueued { get; init; }

    /// <summary>HTTP requests made by this call.</summary>
    public int Requests { get; init; }

    /// <summary>One line per failed feed; empty when every due feed succeeded.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>When the poller next has a feed due.</summary>
    public DateTimeOffset? NextPollAt { get; init; }

    public override string ToString() =>
        !Polled ? $"{Network}: not due" : $"{Network}: {Enqueued} enqueued in {Requests} request(s)" + (Errors.Count == 0 ? "" : "; " + string.Join("; ", Errors));
}
