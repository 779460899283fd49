using SocialBot.Core.Handoffs;

namespace SocialBot.Inbox.Api;

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
