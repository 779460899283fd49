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

/// <summary>Everything an agent needs to answer one handoff.</summary>
public sealed record HandoffDetailView
{
    public required HandoffSummaryView Summary { get; init; }

    public required string Text { get; init; }

    public required AuthorView Author { get; init; }

    public required string ConversationId { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public SentimentView? Sentiment { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    public required IReadOnlyList<string> Trace { get; init; }

    /// <summary>The automatic acknowledgement already sent, if any.</summary>
    public string? Acknowledgement { get; init; }

    public required bool ArrivedAfterHours { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>This conversation so far, oldest first: customer messages, acknowledgements and agents' replies.</summary>
    public required IReadOnlyList<ConversationEntryView> Conversation { get; init; }

    public required IReadOnlyList<HandoffAuditEntry> Audit { get; init; }

    /// <summary>How a reply is counted and whether it is public.</summary>
    public required ReplyCheckView Reply { get; init; }
}

public sealed record AuthorView(string Id, string? Handle, string? Name);

public sealed record SentimentView(string Label, double Score, string Analyzer, IReadOnlyList<string> Cues);

/// <summary>One message in the conversation pane; <c>from</c> is <c>customer</c>, <c>bot</c> or <c>agent</c>.</summary>
public sealed record ConversationEntryView(DateTimeOffset At, string From, string Text, string? Agent, string HandoffId);

/// <summary>The JSON body of every error: a message for a person, and a short code for programs.</summary>
public sealed record InboxError(string Error, string Code);

/// <summary><c>POST /api/inbox/handoff/reply</c>.</summary>
public sealed record ReplyRequest
{
    public string? Text { get; init; }

    /// <summary>A key for this reply chosen by the page; a retry with the same key never sends twice.</summary>
    public string? ReplyKey { get; init; }

    /// <summary>The agent confirmed sending personal details in a public reply.</summary>
    public bool ConfirmPersonalDetails { get; init; }
}

/// <summary><c>POST /api/inbox/handoff/resolve</c>.</summary>
public sealed record ResolveRequest
{
    public string? Note { get; init; }
}

/// <summary><c>POST /api/inbox/check</c>: check a reply draft for a handoff.</summary>
public sealed record CheckRequest
{
    public string? Id { get; init; }

    public string? Text { get; init; }
}

/// <summary><c>GET /api/inbox/me</c>.</summary>
public sealed record MeView(string Name, string DisplayName, IReadOnlyList<string> Roles, bool Supervisor, string Source, int PollSeconds);
