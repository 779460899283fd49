using System.Text.Json;
using Azure.Storage.Queues;
using SocialBot.Core.Configuration;
using SocialBot.Core.Mentions;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;
using SocialBot.Core.Serialization;
using SocialBot.Core.Triage;

namespace SocialBot.Azure.Storage;

/// <summary>Writes replies, handoffs (urgent and normal queues) and poison messages to Azure Storage queues.</summary>
internal sealed class StorageQueueOutbound : IOutboundQueues, IPoisonQueue, IMentionQueue, IReplyRequeue
{
    private readonly StorageClients _clients;
    private readonly QueueNamesOptions _names;
    private readonly QueueMessageCodec _codec;

    public StorageQueueOutbound(StorageClients clients, SocialBotOptions options, QueueMessageCodec codec)
    {
        _clients = clients;
        _names = options.Queues;
        _codec = codec;
    }

    public Task EnqueueMentionAsync(Mention mention, CancellationToken cancellationToken = default) =>
        SendAsync(_names.Mentions, SocialBotJson.SerializeCompact(mention), cancellationToken);

    public Task EnqueueReplyAsync(OutgoingReply reply, CancellationToken cancellationToken = default) =>
        SendAsync(_names.Replies, SocialBotJson.SerializeCompact(reply), cancellationToken);

    public Task RequeueAsync(OutgoingReply reply, TimeSpan delay, CancellationToken cancellationToken = default) =>
        SendAsync(_names.Replies, SocialBotJson.SerializeCompact(reply), cancellationToken, delay);

    public Task EnqueueHandoffAsync(HandoffTicket ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var queue = ticket.Priority == HandoffPriority.Urgent ? _names.UrgentHandoffs : _names.Handoffs;
        var json = SocialBotJson.SerializeCompact(ticket);
        if (!_codec.Fits(json))
        {
            // A very long text (10,000 emoji, say) can outgrow a queue message: keep what an agent needs most.
            var lean = ticket with { Trace = ["trace omitted: the ticket was too large for a queue message"] };
            var room = _codec.RoomFor(SocialBotJson.SerializeCompact(lean with { Mention = lean.Mention with { Text = "" } }));
            json = SocialBotJson.SerializeCompact(lean with { Mention = lean.Mention with { Text = QueueMessageCodec.Truncate(ticket.Mention.Text, room) } });
        }

        return SendAsync(queue, json, cancellationToken);
    }

    public Task SendAsync(string queueName, PoisonMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var json = SocialBotJson.SerializeCompact(message);
        if (!_codec.Fits(json))
        {
            // Never fail to poison: a message that cannot be parked would be retried for ever.
            var lean = message with { Reason = message.Reason + $" (message cut to fit the poison queue; it was {message.Message.Length} characters)", Message = "" };
            json = SocialBotJson.SerializeCompact(lean with { Message = QueueMessageCodec.Truncate(message.Message, _codec.RoomFor(SocialBotJson.SerializeCompact(lean))) });
        }

        // Time to live -1: a poison message stays until someone replays or deletes it (or retention purges it), instead
        // of silently expiring after the service's default 7 days.
        return SendAsync(PoisonName(queueName), json, cancellationToken, timeToLive: NeverExpires);
    }

    public static string PoisonName(string queueName) => queueName + "-poison";

    /// <summary>The time to live that tells Azure Storage queues a message never expires (-1 second).</summary>
    public static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    private async Task SendAsync(string queueName, string text, CancellationToken cancellationToken, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null)
    {
        var queue = _clients.Queues.GetQueueClient(queueName);
        await queue.SendMessageAsync(_codec.Encode(text), visibilityDelay, timeToLive, cancellationToken);
    }
}
