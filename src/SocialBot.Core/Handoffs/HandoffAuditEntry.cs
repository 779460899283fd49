namespace SocialBot.Core.Handoffs;

/// <summary>One line of a handoff's audit trail.</summary>
public sealed record HandoffAuditEntry
{
    public required DateTimeOffset At { get; init; }

    public required string Agent { get; init; }

    /// <summary><c>claimed</c>, <c>replied</c>, <c>extended</c>, <c>released</c>, <c>resolved</c>.</summary>
    public required string Action { get; init; }

    public string? Note { get; init; }
}
