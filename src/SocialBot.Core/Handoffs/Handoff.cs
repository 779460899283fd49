using SocialBot.Core.Processing;
using SocialBot.Core.Triage;

namespace SocialBot.Core.Handoffs;

/// <summary>A handoff as agents see it: the ticket triage queued, plus who holds it, until when, and what was done.</summary>
public sealed record Handoff
{
    /// <summary><c>{channel}/{mentionId}</c>, as on the ticket.</summary>
    public required string Id { get; init; }

    public required string MentionId { get; init; }

    public required string Channel { get; init; }

    public required HandoffPriority Priority { get; init; }

    public required HandoffStatus Status { get; init; }

    public string? ClaimedBy { get; init; }

    /// <summary>When the current claim's lease runs out.</summary>
    public DateTimeOffset? ClaimedUntil { get; init; }

    /// <summary>The first-response target, counted in staffed time from the handoff.</summary>
    public DateTimeOffset? DueBy { get; init; }

    /// <summary>Not resolved and past <see cref="DueBy"/>.</summary>
    public required bool Overdue { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public required HandoffTicket Ticket { get; init; }

    /// <summary>Every action taken, oldest first.</summary>
    public required IReadOnlyList<HandoffAuditEntry> Audit { get; init; }
}
