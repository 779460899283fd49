using SocialBot.Core.Triage;

namespace SocialBot.Core.Handoffs;

/// <summary>
/// What the escalation webhook receives (and what waits on the <c>notifications</c> queue): only what a person needs to
/// act. The customer's text is included only when <see cref="EscalationOptions.IncludeText"/> is set.
/// </summary>
public sealed record EscalationNotice
{
    public required string HandoffId { get; init; }

    public required HandoffPriority Priority { get; init; }

    public required string Channel { get; init; }

    public DateTimeOffset? DueBy { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    public required bool ArrivedAfterHours { get; init; }

    /// <summary>The on-call person, set when the handoff arrived outside staffed hours and someone is on call.</summary>
    public string? OnCall { get; init; }

    public string? Text { get; init; }
}

/// <summary>The queue notices wait on, so triage never waits for the webhook.</summary>
public interface IEscalationQueue
{
    Task EnqueueAsync(EscalationNotice notice, CancellationToken cancellationToken = default);
}

/// <summary>Delivers a notice. Throws on any failure (non-2xx, timeout) so the queue retries with backoff.</summary>
public interface IEscalationWebhook
{
    Task PostAsync(EscalationNotice notice, CancellationToken cancellationToken = default);
}
