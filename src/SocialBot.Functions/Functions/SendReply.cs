using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using SocialBot.Core.Configuration;
using SocialBot.Core.Processing;

namespace SocialBot.Functions.Functions;

/// <summary>Queue <c>replies</c>: send one reply through the reply channel of its network (once, whatever the retries).</summary>
public sealed class SendReply
{
    private readonly SendReplyProcessor _processor;
    private readonly QueueFunctionRunner _runner;
    private readonly string _queueName;

    public SendReply(SendReplyProcessor processor, QueueFunctionRunner runner, IOptions<QueueNamesOptions> queues)
    {
        ArgumentNullException.ThrowIfNull(queues);
        _processor = processor;
        _runner = runner;
        _queueName = queues.Value.Replies;
    }

    [Function(nameof(SendReply))]
    public Task RunAsync([QueueTrigger(QueueSettings.Replies, Connection = QueueSettings.Connection)] string message, FunctionContext context) =>
        HandleAsync(message, QueueFunctionRunner.DequeueCount(context), context?.CancellationToken ?? default);

    /// <summary>The body, for any host: the message text as it was on the queue (decoded) and its dequeue count.</summary>
    public Task HandleAsync(string message, long dequeueCount, CancellationToken cancellationToken) =>
        _runner.RunAsync(nameof(SendReply), _queueName, message, dequeueCount, _processor.ProcessAsync, cancellationToken);
}
