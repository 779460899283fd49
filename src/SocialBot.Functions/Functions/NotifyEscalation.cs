using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using SocialBot.Core.Configuration;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Processing;

namespace SocialBot.Functions.Functions;

/// <summary>Queue <c>notifications</c>: page on-call through the escalation webhook (once per notice).</summary>
public sealed class NotifyEscalation
{
    private readonly NotifyEscalationProcessor _processor;
    private readonly QueueFunctionRunner _runner;
    private readonly string _queueName;

    public NotifyEscalation(NotifyEscalationProcessor processor, QueueFunctionRunner runner, IOptions<QueueNamesOptions> queues)
    {
        ArgumentNullException.ThrowIfNull(queues);
        _processor = processor;
        _runner = runner;
        _queueName = queues.Value.Notifications;
    }

    [Function(nameof(NotifyEscalation))]
    public Task RunAsync([QueueTrigger(QueueSettings.Notifications, Connection = QueueSettings.Connection)] string message, FunctionContext context) =>
        HandleAsync(message, QueueFunctionRunner.DequeueCount(context), context?.CancellationToken ?? default);

    /// <summary>The body, for any host: the message text as it was on the queue (decoded) and its dequeue count.</summary>
    public Task HandleAsync(string message, long dequeueCount, CancellationToken cancellationToken) =>
        _runner.RunAsync(nameof(NotifyEscalation), _queueName, message, dequeueCount, _processor.ProcessAsync, cancellationToken);
}
