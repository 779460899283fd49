using SocialBot.Core.Mentions;

namespace SocialBot.Core.Processing;

/// <summary>The <c>mentions</c> queue, for ingesters inside the app (the Bot Framework channel).</summary>
public interface IMentionQueue
{
    Task EnqueueMentionAsync(Mention mention, CancellationToken cancellationToken = default);
}
