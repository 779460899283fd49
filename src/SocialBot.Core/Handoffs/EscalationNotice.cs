using SocialBot.Core.Triage;

namespace SocialBot.Core.Handoffs;

/// <summary>
/// What the escalation webhook receives (and what waits on the <c>notifications</c> queue): only what a person needs to
/// act. The customer's text is included only when <see cref="EscalationOptions.IncludeText"/> is set.
/// </summary>
public sealed record EscalationNotice
{
    public required string HandoffId { get; init; }

    public required HandoffPriority Priority { get; init; }

    public required string Channel { get; init; }

    public DateTimeOffset? DueBy { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    public required bool ArrivedAfterHours { get; init; }

    /// <summary>The on-call person, set when the handoff arrived outside staffed hours and someone is on call.</summary>
    public string? OnCall { get; init; }

    public string? Text { get; init; }
}
