using System.Text.Json;
using Microsoft.Extensions.Logging;
using SocialBot.Core.Diagnostics;
using SocialBot.Core.Replies;
using SocialBot.Core.Serialization;

namespace SocialBot.Core.Processing;

/// <summary>The body of the <c>SendReply</c> function: deliver a queued reply once through the configured channel.</summary>
public sealed partial class SendReplyProcessor
{
    private readonly ReplyChannelRouter _router;
    private readonly ISentReplyLog _sent;
    private readonly TimeProvider _time;
    private readonly ILogger<SendReplyProcessor> _logger;
    private readonly IReplyRequeue? _requeue;

    /// <summary>
    /// How long a reply whose claim another delivery holds waits before it is tried again: most sends finish within it
    /// (and each ends within the Connector's budget, well below the claim's lifetime), and a claim left by a worker
    /// that died is taken over soon after it goes stale.
    /// </summary>
    public static readonly TimeSpan DeferDelay = TimeSpan.FromSeconds(15);

    public SendReplyProcessor(ReplyChannelRouter router, ISentReplyLog sent, TimeProvider time, ILogger<SendReplyProcessor> logger, IReplyRequeue? requeue = null)
    {
        _requeue = requeue;
        _router = router;
        _sent = sent;
        _time = time;
        _logger = logger;
    }

    public async Task<ProcessingResult> ProcessAsync(string message, CancellationToken cancellationToken = default)
    {
        OutgoingReply? reply;
        try
        {
            reply = JsonSerializer.Deserialize(message, SocialBotJson.Messages.OutgoingReply);
        }
        catch (JsonException exception)
        {
            return ProcessingResult.Poison($"invalid reply message: {exception.Message}");
        }

        if (reply is null || string.IsNullOrWhiteSpace(reply.ReplyId) || string.IsNullOrWhiteSpace(reply.Text))
        {
            return ProcessingResult.Poison("invalid reply message: replyId and text are required");
        }

        // A non-idempotent channel (the Bot Connector) is claimed per reply id before sending, so two deliveries of
        // the same reply (a retried triage queues it twice) are never sent side by side; the claim becomes a sent
        // marker afterwards. Only a crash between sending and marking can repeat a reply (at-least-once).
        var (channel, fallback, fallbackReason) = _router.Route(reply);
        var idempotent = channel is IIdempotentReplyChannel;
        if (!idempotent)
        {
            // Not cancellable: a claim written but not seen (cancelled mid-request) would block the reply until stale.
            switch (await _sent.ClaimAsync(reply, _time.GetUtcNow(), CancellationToken.None))
            {
                case SendClaim.AlreadySent:
                    LogAlreadySent(_logger, reply.Channel);
                    return ProcessingResult.Done($"{reply.ReplyId}: already sent");
                case SendClaim.InProgress when _requeue is not null:
                    // Not a failure: the message comes back later (a new copy, visible after the delay) instead of
                    // using up this one's dequeue count and ending on the poison queue while the claim is held.
                    await _requeue.RequeueAsync(reply, DeferDelay, CancellationToken.None);
                    LogDeferred(_logger, reply.Channel, (int)DeferDelay.TotalSeconds);
                    return ProcessingResult.Done($"{reply.ReplyId}: being sent by another delivery; deferred {DeferDelay.TotalSeconds} s");
                case SendClaim.InProgress:
                    throw new ReplyInProgressException($"{reply.ReplyId} is being sent by another delivery; retry later");
            }
        }

        try
        {
            if (fallback && channel is IFallbackReplyChannel keep)
            {
                await keep.KeepAsync(reply, fallbackReason ?? "no reply channel", cancellationToken);
            }
            else
            {
                await channel.SendAsync(reply, cancellationToken);
            }
        }
        catch (PermanentDeliveryException exception)
        {
            await ReleaseAsync(reply, idempotent);
            return ProcessingResult.Poison($"{channel.Name} refused the reply: {exception.Message}");
        }
        catch (Exception) when (!idempotent)
        {
            await ReleaseAsync(reply, idempotent);
            throw;
        }

        var sentAt = _time.GetUtcNow();
        if (!idempotent)
        {
            // The customer has the reply now: record it even if shutdown was requested meanwhile, or the retry after
            // the restart would send it again.
            await _sent.MarkSentAsync(reply, sentAt, CancellationToken.None);
        }

        SocialBotMetrics.AcknowledgementSent(reply.Channel, sentAt - reply.CreatedAt);
        if (fallback)
        {
            LogKept(_logger, reply.Channel, channel.Name, fallbackReason);
            return ProcessingResult.Done($"{reply.ReplyId}: kept in the {channel.Name}: {fallbackReason}");
        }

        LogSent(_logger, reply.Channel, channel.Name);
        return ProcessingResult.Done($"{reply.ReplyId}: sent through {channel.Name}");
    }

    /// <summary>Gives the claim back after a failed send, so the retry need not wait for it to go stale.</summary>
    private async Task ReleaseAsync(OutgoingReply reply, bool idempotent)
    {
        if (idempotent)
        {
            return;
        }

        try
        {
            await _sent.ReleaseAsync(reply, CancellationToken.None);
        }
#pragma warning disable CA1031 // Best effort: an unreleased claim only delays the retry until it goes stale.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogReleaseFailed(_logger, reply.Channel, exception.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Could not release the send claim of a {Channel} reply ({ErrorType}); its retry waits until the claim goes stale")]
    private static partial void LogReleaseFailed(ILogger logger, string channel, string errorType);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Information, Message = "A {Channel} reply is being sent by another delivery; tried again in {DelaySeconds} s")]
    private static partial void LogDeferred(ILogger logger, string channel, int delaySeconds);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "A {Channel} reply was already sent; nothing to do")]
    private static partial void LogAlreadySent(ILogger logger, string channel);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Information, Message = "Kept a {Channel} reply in the {ReplyChannel}: {Reason}")]
    private static partial void LogKept(ILogger logger, string channel, string replyChannel, string? reason);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Sent a {Channel} reply through {ReplyChannel}")]
    private static partial void LogSent(ILogger logger, string channel, string replyChannel);
}

/// <summary>Which replies are being or have been delivered, so a retried <c>SendReply</c> never posts twice.</summary>
public interface ISentReplyLog
{
    /// <summary>
    /// Claims the right to send the reply: <see cref="SendClaim.AlreadySent"/> when it was delivered before,
    /// <see cref="SendClaim.InProgress"/> when another delivery holds a recent claim (a stale one is taken over).
    /// </summary>
    Task<SendClaim> ClaimAsync(OutgoingReply reply, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task MarkSentAsync(OutgoingReply reply, DateTimeOffset sentAt, CancellationToken cancellationToken = default);

    /// <summary>Drops a claim whose send failed.</summary>
    Task ReleaseAsync(OutgoingReply reply, CancellationToken cancellationToken = default);
}

/// <summary>Puts a reply back on the replies queue, to be delivered again after a delay.</summary>
public interface IReplyRequeue
{
    Task RequeueAsync(OutgoingReply reply, TimeSpan delay, CancellationToken cancellationToken = default);
}

public enum SendClaim
{
    Claimed,
    AlreadySent,
    InProgress,
}

/// <summary>Another delivery of the same reply is being sent right now: a transient condition, retried later.</summary>
public sealed class ReplyInProgressException : Exception
{
    public ReplyInProgressException()
    {
    }

    public ReplyInProgressException(string message)
        : base(message)
    {
    }

    public ReplyInProgressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
