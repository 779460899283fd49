using SocialBot.Core.Replies;

namespace SocialBot.Core.Processing;

/// <summary>The queues a triage decision writes to.</summary>
public interface IOutboundQueues
{
    Task EnqueueReplyAsync(OutgoingReply reply, CancellationToken cancellationToken = default);

    Task EnqueueHandoffAsync(HandoffTicket ticket, CancellationToken cancellationToken = default);
}
