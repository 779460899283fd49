namespace SocialBot.Core.Processing;

/// <summary>
/// Tells a channel that a conversation was handed to people (the Bot Framework <c>handoff.initiate</c> event).
/// Best effort: a failure is logged and never blocks triage.
/// </summary>
public interface IHandoffAnnouncer
{
    Task AnnounceAsync(HandoffTicket ticket, CancellationToken cancellationToken = default);
}
