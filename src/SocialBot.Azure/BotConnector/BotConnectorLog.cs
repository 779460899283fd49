using Microsoft.Extensions.Logging;
using SocialBot.Azure.Http;

namespace SocialBot.Azure.BotConnector;

/// <summary>
/// Bot Connector log events (ids 4100-4199). No tokens, customer text or handles above Debug; every value taken from
/// an unauthenticated request goes through <see cref="LogValue.Truncate"/> (done here, so a call site cannot forget).
/// </summary>
internal static partial class BotConnectorLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Bot token accepted from issuer {Issuer} for channel {ChannelId}")]
    private static partial void LogTokenAccepted(ILogger logger, string issuer, string channelId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Bot token rejected: check {FailedCheck} failed, answering {StatusCode} (channel {ChannelId})")]
    private static partial void LogTokenRejected(ILogger logger, string failedCheck, int statusCode, string channelId);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Activity rejected as malformed: {Reason}")]
    private static partial void LogActivityMalformed(ILogger logger, string reason);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Warning, Message = "Activity refused: the body is larger than {MaxBytes} bytes")]
    public static partial void ActivityTooLarge(ILogger logger, int maxBytes);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Activity {ActivityType} on {ChannelId} accepted and not triaged: {Reason}")]
    private static partial void LogActivityNotTriaged(ILogger logger, string activityType, string channelId, string reason);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Information, Message = "Mention {MentionId} on {Channel} accepted for triage")]
    public static partial void MentionAccepted(ILogger logger, string mentionId, string channel);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Information, Message = "Handoff status {State} received for a conversation on {ChannelId}")]
    private static partial void LogHandoffStatusReceived(ILogger logger, string state, string channelId);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "Connector answered {StatusCode} (error {ErrorCode}) after the client's retries; the queue retries the send later")]
    public static partial void ConnectorUnavailable(ILogger logger, int statusCode, string? errorCode);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Error, Message = "Connector refused the request permanently: {StatusCode} {ErrorCode} (operation {OperationId})")]
    public static partial void ConnectorRefused(ILogger logger, int statusCode, string? errorCode, string? operationId);

    [LoggerMessage(EventId = 4122, Level = LogLevel.Error, Message = "Refused to send the bot token to a service URL host that is not allowed: {Host}")]
    public static partial void ServiceUrlNotAllowed(ILogger logger, string host);

    [LoggerMessage(EventId = 4123, Level = LogLevel.Information, Message = "Reply ({Kind}) sent through the Connector on {Channel}")]
    public static partial void ReplySent(ILogger logger, SocialBot.Core.Replies.ReplyKind kind, string channel);

    [LoggerMessage(EventId = 4124, Level = LogLevel.Information, Message = "Handoff event sent through the Connector on {Channel}")]
    public static partial void HandoffEventSent(ILogger logger, string channel);

    [LoggerMessage(EventId = 4130, Level = LogLevel.Debug, Message = "Connector token acquired, valid until {ExpiresOn}")]
    public static partial void TokenAcquired(ILogger logger, DateTimeOffset expiresOn);

    public static void TokenAccepted(ILogger logger, string issuer, string channelId)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var safe1 = LogValue.Truncate(issuer);
            var safe2 = LogValue.Truncate(channelId);
            LogTokenAccepted(logger, safe1, safe2);
        }
    }

    public static void TokenRejected(ILogger logger, string failedCheck, int statusCode, string channelId)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            var safe3 = LogValue.Truncate(channelId);
            LogTokenRejected(logger, failedCheck, statusCode, safe3);
        }
    }

    public static void ActivityMalformed(ILogger logger, string reason)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            var safe1 = LogValue.Truncate(reason, 200);
            LogActivityMalformed(logger, safe1);
        }
    }

    public static void ActivityNotTriaged(ILogger logger, string activityType, string channelId, string reason)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var safe1 = LogValue.Truncate(activityType);
            var safe2 = LogValue.Truncate(channelId);
            var safe3 = LogValue.Truncate(reason, 200);
            LogActivityNotTriaged(logger, safe1, safe2, safe3);
        }
    }

    public static void HandoffStatusReceived(ILogger logger, string state, string channelId)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var safe1 = LogValue.Truncate(state);
            var safe2 = LogValue.Truncate(channelId);
            LogHandoffStatusReceived(logger, safe1, safe2);
        }
    }
}
