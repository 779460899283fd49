namespace SocialBot.Core.Handoffs;

/// <summary>The queue notices wait on, so triage never waits for the webhook.</summary>
public interface IEscalationQueue
{
    Task EnqueueAsync(EscalationNotice notice, CancellationToken cancellationToken = default);
}
