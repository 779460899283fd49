using SocialBot.Core.Processing;
using SocialBot.Core.Triage;

namespace SocialBot.Core.Handoffs;

/// <summary>
/// Decides whether a handoff calls for a notification and queues it: urgent handoffs notify when a webhook is
/// configured; outside staffed hours the notice names the on-call person. Nothing is queued when no webhook is set.
/// </summary>
public sealed class EscalationNotifier
{
    private readonly EscalationOptions _options;
    private readonly IEscalationQueue _queue;

    public EscalationNotifier(EscalationOptions options, IEscalationQueue queue)
    {
        _options = options;
        _queue = queue;
    }

    public EscalationNotice? Plan(HandoffTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (string.IsNullOrWhiteSpace(_options.WebhookUrl) || ticket.Priority != HandoffPriority.Urgent)
        {
            return null;
        }

        return new EscalationNotice
        {
            HandoffId = ticket.Id,
            Priority = ticket.Priority,
            Channel = ticket.Mention.Channel,
            DueBy = ticket.DueBy,
            Reasons = ticket.Reasons,
            ArrivedAfterHours = ticket.ArrivedAfterHours,
            OnCall = ticket.ArrivedAfterHours && !string.IsNullOrWhiteSpace(_options.OnCall) ? _options.OnCall : null,
            Text = _options.IncludeText ? ticket.Mention.Text : null,
        };
    }

    /// <summary>Queues the notice for the ticket, if it calls for one. Returns whether one was queued.</summary>
    public async Task<bool> NotifyAsync(HandoffTicket ticket, CancellationToken cancellationToken = default)
    {
        var notice = Plan(ticket);
        if (notice is null)
        {
            return false;
        }

        await _queue.EnqueueAsync(notice, cancellationToken);
        return true;
    }
}
