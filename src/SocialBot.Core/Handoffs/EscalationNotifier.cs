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
            Reasons = _options.IncludeText ? ticket.Reasons : ticket.Reasons.Select(WithoutQuotes).ToList(),
            ArrivedAfterHours = ticket.ArrivedAfterHours,
            OnCall = ticket.ArrivedAfterHours && !string.IsNullOrWhiteSpace(_options.OnCall) ? _options.OnCall : null,
            Text = _options.IncludeText ? ticket.Mention.Text : null,
        };
    }

    /// <summary>
    /// A reason without the customer's words: sentiment cues quote the text (<c>waiting: "still waiting"</c>), so
    /// every quoted span is dropped (<c>waiting</c>) when the notice may not carry the text.
    /// </summary>
    public static string WithoutQuotes(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (!reason.Contains('"', StringComparison.Ordinal))
        {
            return reason;
        }

        var builder = new System.Text.StringBuilder(reason.Length);
        var quoted = false;
        foreach (var c in reason)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                builder.Append(c);
            }
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words).Replace(" :", ":", StringComparison.Ordinal).TrimEnd(':', ' ');
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
