using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using SocialBot.Core.Diagnostics;
using SocialBot.Core.Processing;

namespace SocialBot.Functions.Functions;

/// <summary>
/// The body every queue function shares: run the use case on the message text; when it says retrying cannot help, park
/// the message on <c>{queue}-poison</c> with the reason and complete. Transient failures throw, so the queue extension
/// (the same one under the Functions host and the local host) retries and, after <c>maxDequeueCount</c>, poisons it.
/// </summary>
public sealed partial class QueueFunctionRunner
{
    private readonly IPoisonQueue _poison;
    private readonly TimeProvider _time;
    private readonly ILogger<QueueFunctionRunner> _logger;

    public QueueFunctionRunner(IPoisonQueue poison, TimeProvider time, ILogger<QueueFunctionRunner> logger)
    {
        _poison = poison;
        _time = time;
        _logger = logger;
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
            throw;
        }

        if (result.PoisonReason is { } reason)
        {
            // The work is settled; park it even if shutdown was requested meanwhile, so a restart does not repeat it.
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
            return;
        }

        LogCompleted(_logger, function, result.Summary);
    }

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "{Function} attempt {DequeueCount} failed: {ErrorType}; the queue retries it, then poisons it after maxDequeueCount")]
    private static partial void LogAttemptFailed(ILogger logger, string function, long dequeueCount, string errorType);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "{Function}: a message from {Queue} went to the poison queue")]
    private static partial void LogPoisoned(ILogger logger, string function, string queue);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "{Function}: {Summary}")]
    private static partial void LogCompleted(ILogger logger, string function, string summary);
}
