namespace SocialBot.Core.Handoffs;

/// <summary>Delivers a notice. Throws on any failure (non-2xx, timeout) so the queue retries with backoff.</summary>
public interface IEscalationWebhook
{
    Task PostAsync(EscalationNotice notice, CancellationToken cancellationToken = default);
}
