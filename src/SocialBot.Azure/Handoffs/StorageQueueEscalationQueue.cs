using SocialBot.Azure.Storage;
using SocialBot.Core.Configuration;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Serialization;

namespace SocialBot.Azure.Handoffs;

/// <summary>Queues escalation notices on the <c>notifications</c> queue for the <c>NotifyEscalation</c> function.</summary>
internal sealed class StorageQueueEscalationQueue : IEscalationQueue
{
    private readonly StorageClients _clients;
    private readonly string _queueName;
    private readonly QueueMessageCodec _codec;

    public StorageQueueEscalationQueue(StorageClients clients, SocialBotOptions options, QueueMessageCodec codec)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _queueName = options.Queues.Notifications;
        _codec = codec;
    }

    public async Task EnqueueAsync(EscalationNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var json = SocialBotJson.SerializeCompact(notice);
        if (!_codec.Fits(json) && notice.Text is { } text)
        {
            // IncludeText with a very long message: cut the text (marked) so the notice always fits a queue message.
            var room = _codec.RoomFor(SocialBotJson.SerializeCompact(notice with { Text = "" }));
            json = SocialBotJson.SerializeCompact(notice with { Text = QueueMessageCodec.Truncate(text, room) });
        }

        var queue = _clients.Queues.GetQueueClient(_queueName);
        await queue.SendMessageAsync(_codec.Encode(json), cancellationToken: cancellationToken);
    }
}
