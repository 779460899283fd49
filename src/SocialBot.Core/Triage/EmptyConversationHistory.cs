using SocialBot.Core.Mentions;

namespace SocialBot.Core.Triage;

/// <summary>History for a dry run: nothing has happened yet.</summary>
public sealed class EmptyConversationHistory : IConversationHistory
{
    public Task<ConversationHistory> GetAsync(Mention mention, CancellationToken cancellationToken = default) =>
        Task.FromResult(ConversationHistory.Empty);
}
