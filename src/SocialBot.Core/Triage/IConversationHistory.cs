using SocialBot.Core.Mentions;

namespace SocialBot.Core.Triage;

/// <summary>What has already happened in a conversation; the anti-spam and duplicate rules read it. A table store implements it.</summary>
public interface IConversationHistory
{
    Task<ConversationHistory> GetAsync(Mention mention, CancellationToken cancellationToken = default);
}

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

/// <summary>A mention already seen in the conversation, kept as a fingerprint (never the text).</summary>
public sealed record RecentMention(string MentionId, string AuthorId, string Fingerprint, DateTimeOffset ReceivedAt);

/// <summary>History for a dry run: nothing has happened yet.</summary>
public sealed class EmptyConversationHistory : IConversationHistory
{
    public Task<ConversationHistory> GetAsync(Mention mention, CancellationToken cancellationToken = default) =>
        Task.FromResult(ConversationHistory.Empty);
}
