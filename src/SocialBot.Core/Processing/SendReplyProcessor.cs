using System.Text.Json;
using Microsoft.Extensions.Logging;
using SocialBot.Core.Diagnostics;
using SocialBot.Core.Replies;
using SocialBot.Core.Serialization;

namespace SocialBot.Core.Processing;

/// <summary>The body of the <c>SendReply</c> function: deliver a queued reply once through the configured channel.</summary>
public sealed partial class SendReplyProcessor
{
    private readonly IReplyChannel _channel;
    private readonly ISentReplyLog _sent;
    private readonly TimeProvider _time;
    private readonly ILogger<SendReplyProcessor> _logger;

    public SendReplyProcessor(IReplyChannel channel, ISentReplyLog sent, TimeProvider time, ILogger<SendReplyProcessor> logger)
    {
        _channel = channel;
        _sent = sent;
        _time = time;
        _logger = logger;
    }

    public async Task<ProcessingResult> ProcessAsync(string message, CancellationToken cancellationToken = default)
    {
        OutgoingReply? reply;
        try
        {
            reply = JsonSerializer.Deserialize<OutgoingReply>(message, SocialBotJson.Options);
        }
        catch (JsonException exception)
        {
            return ProcessingResult.Poison($"invalid reply message: {exception.Message}");
        }

        if (reply is null || string.IsNullOrWhiteSpace(reply.ReplyId) || string.IsNullOrWhiteSpace(reply.Text))
        {
            return ProcessingResult.Poison("invalid reply message: replyId and text are required");
        }

        var idempotent = _channel is IIdempotentReplyChannel;
        if (!idempotent && await _sent.WasSentAsync(reply.ReplyId, cancellationToken))
        {
            LogAlreadySent(_logger, reply.Channel);
            return ProcessingResult.Done($"{reply.ReplyId}: already sent");
        }

        try
        {
            await _channel.SendAsync(reply, cancellationToken);
        }
        catch (PermanentDeliveryException exception)
        {
            return ProcessingResult.Poison($"{_channel.Name} refused the reply: {exception.Message}");
        }

        var sentAt = _time.GetUtcNow();
        if (!idempotent)
        {
            await _sent.MarkSentAsync(reply, sentAt, cancellationToken);
        }

        SocialBotMetrics.AcknowledgementSent(reply.Channel, sentAt - reply.CreatedAt);
        LogSent(_logger, reply.Channel, _channel.Name);
        return ProcessingResult.Done($"{reply.ReplyId}: sent through {_channel.Name}");
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "A {Channel} reply was already sent; nothing to do")]
    private static partial void LogAlreadySent(ILogger logger, string channel);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Sent a {Channel} reply through {ReplyChannel}")]
    private static partial void LogSent(ILogger logger, string channel, string replyChannel);
}

/// <summary>Which replies have been delivered, so a retried <c>SendReply</c> never posts twice.</summary>
public interface ISentReplyLog
{
    Task<bool> WasSentAsync(string replyId, CancellationToken cancellationToken = default);

    Task MarkSentAsync(OutgoingReply reply, DateTimeOffset sentAt, CancellationToken cancellationToken = default);
}
