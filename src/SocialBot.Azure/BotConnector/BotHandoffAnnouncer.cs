using SocialBot.Core.Processing;

namespace SocialBot.Azure.BotConnector;

/// <summary>Sends <c>handoff.initiate</c> for handoffs of conversations that came through the Bot Connector, when <c>SendHandoffEvents</c> is on.</summary>
internal sealed class BotHandoffAnnouncer : IHandoffAnnouncer
{
    private readonly HandoffEventSender _sender;

    public BotHandoffAnnouncer(HandoffEventSender sender)
    {
        _sender = sender;
    }

    public Task AnnounceAsync(HandoffTicket ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return _sender.SendAsync(
            new HandoffInitiation
            {
                Mention = ticket.Mention,
                Priority = ticket.Priority == Core.Triage.HandoffPriority.Urgent ? "urgent" : "normal",
                Reasons = ticket.Reasons,
                AcknowledgementText = ticket.Acknowledgement,
                AcknowledgedAt = ticket.Acknowledgement is null ? null : ticket.HandedOffAt,
            },
            cancellationToken);
    }
}
