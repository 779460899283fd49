using SocialBot.Core.Mentions;

namespace SocialBot.Azure.BotConnector;

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
