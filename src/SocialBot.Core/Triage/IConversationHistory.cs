using SocialBot.Core.Mentions;

namespace SocialBot.Core.Triage;

/// <summary>What has already happened in a conversation; the anti-spam and duplicate rules read it. A table store implements it.</summary>
public interface IConversationHistory
{
    Task<ConversationHistory> GetAsync(Mention mention, CancellationToken cancellationToken = default);
}
