namespace SocialBot.Core.Triage;

/// <summary>The facts about a mention's conversation that triage needs.</summary>
public sealed record ConversationHistory
{
    public static ConversationHistory Empty { get; } = new();

    /// <summary>When this author was last acknowledged automatically in this conversation.</summary>
    public DateTimeOffset? LastAcknowledgedAt { get; init; }

    /// <summary>When an agent last replied in this conversation.</summary>
    public DateTimeOffset? LastAgentReplyAt { get; init; }

    /// <summary>When the author opted out of automatic replies on the mention's channel (read from the opt-out store).</summary>
    public DateTimeOffset? OptedOutAt { get; init; }

    /// <summary>Recent mentions in the conversation (newest first, a few dozen at most).</summary>
    public IReadOnlyList<RecentMention> RecentMentions { get; init; } = [];
}
