using SocialBot.Core.Mentions;

namespace SocialBot.Azure.BotConnector;

/// <summary>A handoff to announce to the channel's agent hub.</summary>
public sealed record HandoffInitiation
{
    public required Mention Mention { get; init; }

    /// <summary><c>urgent</c> or <c>normal</c>.</summary>
    public required string Priority { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>Our automatic acknowledgement, when one was sent; it joins the transcript.</summary>
    public string? AcknowledgementText { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }
}
