using System.Text.Json;
using Microsoft.Extensions.Logging;
using SocialBot.Core.Processing;
using SocialBot.Core.Serialization;

namespace SocialBot.Core.Handoffs;

/// <summary>
/// The body of the <c>NotifyEscalation</c> function: POST a queued notice to the webhook. A failed call throws, so the
/// queue makes it visible again after the visibility timeout (backoff) and poisons it after the last attempt.
/// </summary>
public sealed partial class NotifyEscalationProcessor
{
    private readonly IEscalationWebhook _webhook;
    private readonly ILogger<NotifyEscalationProcessor> _logger;

    public NotifyEscalationProcessor(IEscalationWebhook webhook, ILogger<NotifyEscalationProcessor> logger)
    {
        _webhook = webhook;
        _logger = logger;
    }

    public async Task<ProcessingResult> ProcessAsync(string message, CancellationToken cancellationToken = default)
    {
        EscalationNotice? notice;
        try
        {
            notice = JsonSerializer.Deserialize(message, SocialBotJson.Messages.EscalationNotice);
        }
        catch (JsonException exception)
        {
            return ProcessingResult.Poison($"invalid escalation notice: {exception.Message}");
        }

        if (notice is null || string.IsNullOrWhiteSpace(notice.HandoffId))
        {
            return ProcessingResult.Poison("invalid escalation notice: handoffId is required");
        }

        await _webhook.PostAsync(notice, cancellationToken);
        LogNotified(_logger, notice.Channel, notice.OnCall is not null);
        return ProcessingResult.Done($"{notice.HandoffId}: escalation webhook called");
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Called the escalation webhook for a {Channel} handoff (on-call named: {OnCall})")]
    private static partial void LogNotified(ILogger logger, string channel, bool onCall);
}
