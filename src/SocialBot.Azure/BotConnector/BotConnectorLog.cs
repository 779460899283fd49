using Microsoft.Extensions.Logging;

namespace SocialBot.Azure.BotConnector;

/// <summary>Bot Connector log events (ids 4100-4199). No tokens, customer text or handles above Debug.</summary>
internal static partial class BotConnectorLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Bot token accepted from issuer {Issuer} for channel {ChannelId}")]
    public static partial void TokenAccepted(ILogger logger, string issuer, string channelId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Bot token rejected: check {FailedCheck} failed, answering {StatusCode} (channel {ChannelId})")]
    public static partial void TokenRejected(ILogger logger, string failedCheck, int statusCode, string channelId);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Activity rejected as malformed: {Reason}")]
    public static partial void ActivityMalformed(ILogger logger, string reason);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Activity {ActivityType} on {ChannelId} accepted and not triaged: {Reason}")]
    public static partial void ActivityNotTriaged(ILogger logger, string activityType, string channelId, string reason);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Information, Message = "Mention {MentionId} on {Channel} accepted for triage")]
    public static partial void MentionAccepted(ILogger logger, string mentionId, string channel);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Information, Message = "Handoff status {State} received for a conversation on {ChannelId}")]
    public static partial void HandoffStatusReceived(ILogger logger, string state, string channelId);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "Connector answered {StatusCode} on attempt {Attempt}; retrying in {DelayMs} ms")]
    public static partial void ConnectorRetrying(ILogger logger, int statusCode, int attempt, long delayMs);

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
}
