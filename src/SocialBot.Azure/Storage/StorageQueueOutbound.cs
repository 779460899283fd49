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
internal sealed class StorageQueueOutbound : IOutboundQueues, IPoisonQueue, IMentionQueue
{
    private readonly StorageClients _clients;
    private readonly QueueNamesOptions _names;
    private readonly QueueMessageCodec _codec;
    private readonly QueueActivitySignal _signal;

    public StorageQueueOutbound(StorageClients clients, SocialBotOptions options, QueueMessageCodec codec, QueueActivitySignal signal)
    {
        _clients = clients;
        _names = options.Queues;
        _codec = codec;
        _signal = signal;
    }

    public Task EnqueueMentionAsync(Mention mention, CancellationToken cancellationToken = default) =>
        SendAsync(_names.Mentions, JsonSerializer.Serialize(mention, SocialBotJson.Options), cancellationToken);

    public Task EnqueueReplyAsync(OutgoingReply reply, CancellationToken cancellationToken = default) =>
        SendAsync(_names.Replies, JsonSerializer.Serialize(reply, SocialBotJson.Options), cancellationToken);

    public Task EnqueueHandoffAsync(HandoffTicket ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var queue = ticket.Priority == HandoffPriority.Urgent ? _names.UrgentHandoffs : _names.Handoffs;
        return SendAsync(queue, JsonSerializer.Serialize(ticket, SocialBotJson.Options), cancellationToken);
    }

    public Task SendAsync(string queueName, PoisonMessage message, CancellationToken cancellationToken = default) =>
        SendAsync(PoisonName(queueName), JsonSerializer.Serialize(message, SocialBotJson.Options), cancellationToken);

    public static string PoisonName(string queueName) => queueName + "-poison";

    private async Task SendAsync(string queueName, string text, CancellationToken cancellationToken)
    {
        var queue = _clients.Queues.GetQueueClient(queueName);
        await queue.SendMessageAsync(_codec.Encode(text), cancellationToken: cancellationToken);
        _signal.Notify(queueName);
    }
}
