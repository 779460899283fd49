using SocialBot.Core.Mentions;

namespace SocialBot.Azure.BotConnector;

public enum ActivityOutcome
{
    /// <summary>A customer message to triage.</summary>
    Mention,

    /// <summary>An agent hub's answer to a handoff (<c>handoff.status</c> event).</summary>
    HandoffStatus,

    /// <summary>Accepted and deliberately not triaged (our own messages, other bots, typing, conversation updates …).</summary>
    NotTriaged,

    /// <summary>The activity is missing a field or has a wrong value.</summary>
    Malformed,
}

/// <summary>What an Activity turned into, with a human-readable reason when it is not a mention.</summary>
public sealed record ActivityMapResult
{
    public required ActivityOutcome Outcome { get; init; }

    public Mention? Mention { get; init; }

    public HandoffStatus? HandoffStatus { get; init; }

    public string? Reason { get; init; }

    public static ActivityMapResult ForMention(Mention mention) => new() { Outcome = ActivityOutcome.Mention, Mention = mention };

    public static ActivityMapResult ForHandoffStatus(HandoffStatus status) => new() { Outcome = ActivityOutcome.HandoffStatus, HandoffStatus = status };

    public static ActivityMapResult NotTriaged(string reason) => new() { Outcome = ActivityOutcome.NotTriaged, Reason = reason };

    public static ActivityMapResult Malformed(string reason) => new() { Outcome = ActivityOutcome.Malformed, Reason = reason };
}

/// <summary>An agent hub's report on a handoff: <c>accepted</c>, <c>failed</c> or <c>completed</c>.</summary>
public sealed record HandoffStatus
{
    public required string ConversationId { get; init; }

    public required string ChannelId { get; init; }

    public required string State { get; init; }

    public string? Message { get; init; }
}
