namespace SocialBot.Core.Triage;

public sealed record HandoffDraft
{
    public required HandoffPriority Priority { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>When a first response is due, counted in staffed time from the handoff; null if never staffed.</summary>
    public DateTimeOffset? DueBy { get; init; }
}
