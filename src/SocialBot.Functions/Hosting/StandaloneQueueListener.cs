using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialBot.Azure.Storage;
using SocialBot.Core.Diagnostics;
using SocialBot.Core.Processing;

namespace SocialBot.Functions.Hosting;

/// <summary>
/// Standalone mode's stand-in for the Functions queue trigger: polls one function's queue with the host.json settings
/// and calls the same function body. Like the host it peek-locks (receives with a lease), deletes on success, makes a
/// failed message visible again after <c>visibilityTimeout</c>, and after <c>maxDequeueCount</c> attempts moves it to
/// <c>{queue}-poison</c>; unlike the host it also records why. Permanent failures are poisoned at once. Polling backs off
/// from 100 ms to <c>maxPollingInterval</c> while the queue is empty.
/// </summary>
internal sealed partial class StandaloneQueueListener : BackgroundService
{
    private static readonly TimeSpan MinimumPoll = TimeSpan.FromMilliseconds(100);

    private readonly QueueFunction _function;
    private readonly QueueHostSettings _settings;
    private readonly QueueClient _queue;
    private readonly FunctionDispatcher _dispatcher;
    private readonly IPoisonQueue _poison;
    private readonly QueueMessageCodec _codec;
    private readonly QueueActivitySignal _signal;
    private readonly TimeSpan _lease;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public StandaloneQueueListener(
        QueueFunction function,
        QueueHostSettings settings,
        StorageClients clients,
        FunctionDispatcher dispatcher,
        IPoisonQueue poison,
        QueueMessageCodec codec,
        QueueActivitySignal signal,
        TimeSpan lease,
        TimeProvider time,
        ILogger logger)
    {
        _function = function;
        _settings = settings;
        _queue = clients.Queues.GetQueueClient(function.QueueName);
        _dispatcher = dispatcher;
        _poison = poison;
        _codec = codec;
        _signal = signal;
        _lease = lease;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogListening(_logger, _function.Name, _function.QueueName, _settings.BatchSize);
        var delay = MinimumPoll;
        var inFlight = new HashSet<Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            // Like the Functions host: fetch a new batch when the messages in flight drop to newBatchThreshold, so one
            // slow message never holds up the rest (peak concurrency batchSize + newBatchThreshold).
            if (inFlight.Count > _settings.NewBatchThreshold)
            {
                inFlight.Remove(await Task.WhenAny(inFlight));
                continue;
            }

            var messages = await ReceiveAsync(stoppingToken);
            if (messages.Length == 0)
            {
                var wake = _signal.WaitAsync(_function.QueueName, delay, stoppingToken);
                var finished = await Task.WhenAny(inFlight.Append(wake));
                if (finished != wake)
                {
                    inFlight.Remove(finished);
                    continue;
                }

                await wake.ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _settings.MaxPollingInterval.Ticks));
                continue;
            }

            delay = MinimumPoll;
            foreach (var message in messages)
            {
                inFlight.Add(HandleAsync(message, stoppingToken));
            }
        }

        await Task.WhenAll(inFlight);
    }

    private async Task<QueueMessage[]> ReceiveAsync(CancellationToken stoppingToken)
    {
        try
        {
            return (await _queue.ReceiveMessagesAsync(_settings.BatchSize, _lease, stoppingToken)).Value;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return [];
        }
        catch (RequestFailedException exception)
        {
            LogReceiveFailed(_logger, _function.QueueName, exception.Status, exception.ErrorCode);
        }
        catch (AggregateException exception)
        {
            LogReceiveFailed(_logger, _function.QueueName, 0, exception.InnerException?.GetType().Name);
        }

        return [];
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        using var activity = SocialBotMetrics.ActivitySource.StartActivity(_function.Name, System.Diagnostics.ActivityKind.Consumer);
        activity?.SetTag("messaging.destination.name", _function.QueueName);
        var text = _codec.TryDecode(message.MessageText, out var problem);
        try
        {
            if (text is null)
            {
                await PoisonAsync(message, message.MessageText, problem!, cancellationToken);
                return;
            }

            var result = await _dispatcher.InvokeAsync(_function.Name, text, cancellationToken);

            // The work is done; finish its bookkeeping even if shutdown was requested meanwhile, so a restart does not
            // repeat it.
            if (result.PoisonReason is { } reason)
            {
                await PoisonAsync(message, text, reason, CancellationToken.None);
                return;
            }

            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease expires and the message is delivered again.
        }
#pragma warning disable CA1031 // Every other failure is transient: retry, then poison, as the Functions host does.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            await FailAsync(message, text ?? message.MessageText, exception, cancellationToken);
        }
    }

    private async Task FailAsync(QueueMessage message, string text, Exception exception, CancellationToken cancellationToken)
    {
        LogAttemptFailed(_logger, _function.Name, message.DequeueCount, _settings.MaxDequeueCount, exception.GetType().Name);
        SocialBotMetrics.AttemptFailed(_function.Name);
        try
        {
            if (message.DequeueCount >= _settings.MaxDequeueCount)
            {
                await PoisonAsync(message, text, $"failed {message.DequeueCount} times; last error: {exception.GetType().Name}: {exception.Message}", cancellationToken);
            }
            else
            {
                await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: _settings.VisibilityTimeout, cancellationToken: cancellationToken);
            }
        }
        catch (RequestFailedException storageException)
        {
            // The lease runs out and the message comes back on its own; nothing is lost.
            LogReceiveFailed(_logger, _function.QueueName, storageException.Status, storageException.ErrorCode);
        }
    }

    private async Task PoisonAsync(QueueMessage message, string text, string reason, CancellationToken cancellationToken)
    {
        LogPoisoned(_logger, _function.Name, _function.QueueName);
        SocialBotMetrics.MessagePoisoned(_function.QueueName);
        await _poison.SendAsync(_function.QueueName, new PoisonMessage
        {
            Reason = reason,
            Queue = _function.QueueName,
            DequeueCount = message.DequeueCount,
            PoisonedAt = _time.GetUtcNow(),
            Message = text,
        }, cancellationToken);
        await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "{Function} listening on queue {Queue} (batch {BatchSize})")]
    private static partial void LogListening(ILogger logger, string function, string queue, int batchSize);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "{Function} attempt {DequeueCount} of {MaxDequeueCount} failed: {ErrorType}")]
    private static partial void LogAttemptFailed(ILogger logger, string function, long dequeueCount, int maxDequeueCount, string errorType);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "{Function}: a message from {Queue} went to the poison queue")]
    private static partial void LogPoisoned(ILogger logger, string function, string queue);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Queue {Queue} operation failed with status {Status} ({ErrorCode})")]
    private static partial void LogReceiveFailed(ILogger logger, string queue, int status, string? errorCode);
}
