using SocialBot.Core.Handoffs;
using SocialBot.Core.Hours;
using SocialBot.Core.Triage;

namespace SocialBot.Inbox.Api;

/// <summary>One row of the queue list.</summary>
public sealed record HandoffSummaryView
{
    public required string Id { get; init; }

    public required string MentionId { get; init; }

    public required string Network { get; init; }

    public required string Priority { get; init; }

    public required string Status { get; init; }

    public string? ClaimedBy { get; init; }

    public DateTimeOffset? ClaimedUntil { get; init; }

    public DateTimeOffset? DueBy { get; init; }

    public required bool Overdue { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required long AgeSeconds { get; init; }

    /// <summary>Staffed time left until <see cref="DueBy"/> (negative once overdue); null without a due time.</summary>
    public long? StaffedSecondsLeft { get; init; }

    public required string Author { get; init; }

    public required bool IsPublic { get; init; }

    /// <summary>The first 140 characters of the customer's text.</summary>
    public required string Excerpt { get; init; }

    /// <summary>Held by the signed-in agent.</summary>
    public required bool Mine { get; init; }

    public static HandoffSummaryView From(Handoff handoff, StaffedHours hours, DateTimeOffset now, string agent)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        ArgumentNullException.ThrowIfNull(hours);
        var mention = handoff.Ticket.Mention;
        return new HandoffSummaryView
        {
            Id = handoff.Id,
            MentionId = handoff.MentionId,
            Network = handoff.Channel,
            Priority = handoff.Priority == HandoffPriority.Urgent ? "urgent" : "normal",
            Status = handoff.Status.ToString().ToLowerInvariant(),
            ClaimedBy = handoff.ClaimedBy,
            ClaimedUntil = handoff.ClaimedUntil,
            DueBy = handoff.DueBy,
            Overdue = handoff.Overdue,
            CreatedAt = handoff.CreatedAt,
            AgeSeconds = (long)(now - handoff.CreatedAt).TotalSeconds,
            StaffedSecondsLeft = handoff.DueBy is { } due && handoff.Status != HandoffStatus.Resolved ? (long)hours.StaffedTimeBetween(now, due).TotalSeconds : null,
            Author = AuthorLabel(mention.Author),
            IsPublic = mention.IsPublic,
            Excerpt = mention.Text.Length <= 140 ? mention.Text : string.Concat(mention.Text.AsSpan(0, 139), "…"),
            Mine = handoff.Status == HandoffStatus.Claimed && HandoffRules.IsSameAgent(handoff.ClaimedBy, agent),
        };
    }

    public static string AuthorLabel(SocialBot.Core.Mentions.MentionAuthor author)
    {
        ArgumentNullException.ThrowIfNull(author);
        return author.Handle is { Length: > 0 } handle ? (handle.StartsWith('@') ? handle : "@" + handle) : author.Name ?? author.Id;
    }
}
