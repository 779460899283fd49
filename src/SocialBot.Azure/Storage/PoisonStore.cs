using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using SocialBot.Core.Processing;
using SocialBot.Core.Serialization;

namespace SocialBot.Azure.Storage;

/// <summary>
/// Reads and re-drives <c>{queue}-poison</c> (what <c>socialbot poison list|replay</c> shows and does). A poison message
/// is either the standalone listener's <see cref="PoisonMessage"/> JSON (reason, dequeue count, time, original text) or,
/// when the Functions host poisoned it, the original message itself (reason unknown). Replay writes the original back on
/// the source queue before deleting the poison copy, so a crash in between can only duplicate (idempotency absorbs it).
/// </summary>
public sealed class PoisonStore
{
    /// <summary>Most messages one peek returns (the Storage service's limit).</summary>
    public const int MaxPeek = 32;

    private static readonly TimeSpan ReplayLease = TimeSpan.FromSeconds(30);

    private readonly StorageClients _clients;
    private readonly QueueMessageCodec _codec;

    public PoisonStore(StorageClients clients, QueueMessageCodec codec)
    {
        _clients = clients;
        _codec = codec;
    }

    /// <summary>Up to <see cref="MaxPeek"/> poison messages of <paramref name="queueName"/>, oldest first, without hiding them.</summary>
    public async Task<IReadOnlyList<PoisonEntry>> ListAsync(string queueName, CancellationToken cancellationToken = default)
    {
        var poison = Poison(queueName);
        if (!(await poison.ExistsAsync(cancellationToken)).Value)
        {
            return [];
        }

        var messages = (await poison.PeekMessagesAsync(MaxPeek, cancellationToken)).Value;
        return messages.Select(message => Read(queueName, message.MessageId, message.MessageText, message.DequeueCount, message.InsertedOn)).ToList();
    }

    /// <summary>Puts poison messages back on their source queue: the one with <paramref name="messageId"/>, or all when null.</summary>
    /// <returns>The ids of the messages re-driven.</returns>
    public async Task<IReadOnlyList<string>> ReplayAsync(string queueName, string? messageId, CancellationToken cancellationToken = default)
    {
        var poison = Poison(queueName);
        if (!(await poison.ExistsAsync(cancellationToken)).Value)
        {
            return [];
        }

        var source = _clients.Queues.GetQueueClient(queueName);
        await source.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var replayed = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var batch = (await poison.ReceiveMessagesAsync(MaxPeek, ReplayLease, cancellationToken)).Value;
            var fresh = new List<QueueMessage>();
            foreach (var message in batch)
            {
                if (seen.Add(message.MessageId))
                {
                    fresh.Add(message);
                }
                else
                {
                    // Received again after it was let go: let it go again, or it stays hidden for the whole lease.
                    await ReleaseAsync(poison, message, cancellationToken);
                }
            }

            if (fresh.Count == 0)
            {
                return replayed;
            }

            foreach (var message in fresh)
            {
                if (messageId is not null && message.MessageId != messageId)
                {
                    // Not the one asked for: make it visible again at once.
                    await ReleaseAsync(poison, message, cancellationToken);
                    continue;
                }

                var entry = Read(queueName, message.MessageId, message.MessageText, message.DequeueCount, message.InsertedOn);
                await source.SendMessageAsync(_codec.Encode(entry.Message), cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                replayed.Add(message.MessageId);
            }

            if (messageId is not null && replayed.Count > 0)
            {
                return replayed;
            }
        }
    }

    /// <summary>The poison twin of a queue: <c>{queue}-poison</c>.</summary>
    public static string PoisonName(string queueName) => StorageQueueOutbound.PoisonName(queueName);

    private static async Task ReleaseAsync(QueueClient poison, QueueMessage message, CancellationToken cancellationToken) =>
        await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);

    private QueueClient Poison(string queueName) => _clients.Queues.GetQueueClient(PoisonName(queueName));

    private PoisonEntry Read(string queueName, string id, string body, long poisonDequeueCount, DateTimeOffset? insertedOn)
    {
        var text = _codec.TryDecode(body, out _) ?? body;
        PoisonMessage? recorded = null;
        try
        {
            recorded = JsonSerializer.Deserialize<PoisonMessage>(text, SocialBotJson.Options);
        }
        catch (JsonException)
        {
            // Not our envelope: the Functions host moved the original message as it was.
        }

        return recorded is { Reason: not null, Message: not null }
            ? new PoisonEntry(id, recorded.Queue ?? queueName, recorded.Reason, recorded.DequeueCount, recorded.PoisonedAt, recorded.Message)
            : new PoisonEntry(id, queueName, "unknown (poisoned by the Functions host after maxDequeueCount failures)", poisonDequeueCount, insertedOn, text);
    }
}
