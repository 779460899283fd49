using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using SocialBot.Core.Diagnostics;
using SocialBot.Core.Mentions;
using SocialBot.Core.Processing;
using SocialBot.Functions.Hosting;

namespace SocialBot.Functions.Functions;

/// <summary>
/// The body every queue function shares: run the use case on the message text; when it says retrying cannot help, park
/// the message on <c>{queue}-poison</c> with the reason and complete. Transient failures throw, so the queue extension
/// (the same one under the Functions host and the local host) retries; on the last attempt (<c>maxDequeueCount</c> in
/// host.json) the runner parks the message itself with the error that ended it, so every poisoned message says why (the
/// extension's own move to the poison queue, which keeps only the raw text, remains the fallback when that write fails).
/// </summary>
public sealed partial class QueueFunctionRunner
{
    /// <summary>The longest exception message kept in a poison reason (the message itself is kept whole beside it).</summary>
    public const int MaxErrorLength = 300;

    private readonly IPoisonQueue _poison;
    private readonly TimeProvider _time;
    private readonly ILogger<QueueFunctionRunner> _logger;
    private readonly int _maxDequeueCount;

    public QueueFunctionRunner(IPoisonQueue poison, TimeProvider time, ILogger<QueueFunctionRunner> logger, QueueHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _poison = poison;
        _time = time;
        _logger = logger;
        _maxDequeueCount = settings.MaxDequeueCount;
    }

    /// <summary>The reason recorded when the last attempt failed: the attempts, the error type and its message, cut short.</summary>
    public static string FinalAttemptReason(long dequeueCount, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        // The message itself up to MaxErrorLength, then "…" (Shorten's limit counts the ellipsis).
        var detail = TextSanitizer.Shorten(exception.Message.ReplaceLineEndings(" ").Trim(), MaxErrorLength + 1);
        return string.Create(CultureInfo.InvariantCulture, $"failed {dequeueCount} times (maxDequeueCount); last error {exception.GetType().Name}: {detail}");
    }

    /// <summary>The trigger's dequeue count from the worker's binding data (1 when the host did not send one).</summary>
    public static long DequeueCount(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.BindingContext.BindingData.TryGetValue("DequeueCount", out var value)
            && long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            ? count
            : 1;
    }

    public async Task RunAsync(
        string function,
        string queueName,
        string message,
        long dequeueCount,
        Func<string, CancellationToken, Task<ProcessingResult>> process,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        using var activity = SocialBotMetrics.ActivitySource.StartActivity(function, System.Diagnostics.ActivityKind.Consumer);
        activity?.SetTag("messaging.destination.name", queueName);
        ProcessingResult result;
        try
        {
            result = await process(message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogAttemptFailed(_logger, function, dequeueCount, exception.GetType().Name);
            SocialBotMetrics.AttemptFailed(function);
            if (dequeueCount < _maxDequeueCount || !await TryParkAsync(function, queueName, message, dequeueCount, FinalAttemptReason(dequeueCount, exception)))
            {
                throw;
            }

            return;
        }

        if (result.PoisonReason is { } reason)
        {
            // The work is settled; park it even if shutdown was requested meanwhile, so a restart does not repeat it.
            await ParkAsync(function, queueName, message, dequeueCount, reason);
            return;
        }

        LogCompleted(_logger, function, result.Summary);
    }

    private async Task<bool> TryParkAsync(string function, string queueName, string message, long dequeueCount, string reason)
    {
        try
        {
            await ParkAsync(function, queueName, message, dequeueCount, reason);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The extension moves the raw message to the poison queue itself once this attempt throws.
            LogParkFailed(_logger, function, queueName, exception.GetType().Name);
            return false;
        }
    }

    private async Task ParkAsync(string function, string queueName, string message, long dequeueCount, string reason)
    {
        await _poison.SendAsync(queueName, new PoisonMessage
        {
            Reason = reason,
            Queue = queueName,
            DequeueCount = dequeueCount,
            PoisonedAt = _time.GetUtcNow(),
            Message = message,
        }, CancellationToken.None);
        LogPoisoned(_logger, function, queueName);
        SocialBotMetrics.MessagePoisoned(queueName);
    }

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "{Function} attempt {DequeueCount} failed: {ErrorType}; the queue retries it, then poisons it after maxDequeueCount")]
    private static partial void LogAttemptFailed(ILogger logger, string function, long dequeueCount, string errorType);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "{Function}: a message from {Queue} went to the poison queue")]
    private static partial void LogPoisoned(ILogger logger, string function, string queue);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "{Function}: could not park the message from {Queue} with its reason ({ErrorType}); the queue extension poisons it without one")]
    private static partial void LogParkFailed(ILogger logger, string function, string queue, string errorType);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "{Function}: {Summary}")]
    private static partial void LogCompleted(ILogger logger, string function, string summary);
}
