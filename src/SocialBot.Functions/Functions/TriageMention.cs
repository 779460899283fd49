using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using SocialBot.Core.Configuration;
using SocialBot.Core.Processing;

namespace SocialBot.Functions.Functions;

/// <summary>Queue <c>mentions</c>: triage one mention (reply, handoff, notice, or ignore with the reason).</summary>
public sealed class TriageMention
{
    private readonly TriageMentionProcessor _processor;
    private readonly QueueFunctionRunner _runner;
    private readonly string _queueName;

    public TriageMention(TriageMentionProcessor processor, QueueFunctionRunner runner, IOptions<QueueNamesOptions> queues)
    {
        ArgumentNullException.ThrowIfNull(queues);
        _processor = processor;
        _runner = runner;
        _queueName = queues.Value.Mentions;
    }

    [Function(nameof(TriageMention))]
    public Task RunAsync([QueueTrigger(QueueSettings.Mentions, Connection = QueueSettings.Connection)] string message, FunctionContext context) =>
        HandleAsync(message, QueueFunctionRunner.DequeueCount(context), context?.CancellationToken ?? default);

    /// <summary>The body, for any host: the message text as it was on the queue (decoded) and its dequeue count.</summary>
    public Task HandleAsync(string message, long dequeueCount, CancellationToken cancellationToken) =>
        _runner.RunAsync(nameof(TriageMention), _queueName, message, dequeueCount, _processor.ProcessAsync, cancellationToken);
}
