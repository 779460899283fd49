using Microsoft.Azure.WebJobs;
using SocialBot.Functions.Functions;

namespace SocialBot.LocalHost;

/// <summary>
/// The app's queue-triggered functions on the WebJobs SDK: one thin method per function, named as in the Functions
/// app, with the same queue setting and connection, calling the same function class. The drift guard
/// (tests/SocialBot.LocalHost.Tests) fails when this list and the app's functions.metadata disagree.
/// </summary>
public sealed class QueueFunctions
{
    private readonly TriageMention _triageMention;
    private readonly SendReply _sendReply;
    private readonly NotifyEscalation _notifyEscalation;

    public QueueFunctions(TriageMention triageMention, SendReply sendReply, NotifyEscalation notifyEscalation)
    {
        _triageMention = triageMention;
        _sendReply = sendReply;
        _notifyEscalation = notifyEscalation;
    }

    [FunctionName(nameof(TriageMention))]
    public Task TriageMentionAsync([QueueTrigger(QueueSettings.Mentions, Connection = QueueSettings.Connection)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        _triageMention.HandleAsync(message, dequeueCount, cancellationToken);

    [FunctionName(nameof(SendReply))]
    public Task SendReplyAsync([QueueTrigger(QueueSettings.Replies, Connection = QueueSettings.Connection)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        _sendReply.HandleAsync(message, dequeueCount, cancellationToken);

    [FunctionName(nameof(NotifyEscalation))]
    public Task NotifyEscalationAsync([QueueTrigger(QueueSettings.Notifications, Connection = QueueSettings.Connection)] string message, long dequeueCount, CancellationToken cancellationToken) =>
        _notifyEscalation.HandleAsync(message, dequeueCount, cancellationToken);
}
