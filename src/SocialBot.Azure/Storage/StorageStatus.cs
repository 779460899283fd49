using Azure;
using Azure.Data.Tables;
using SocialBot.Core.Configuration;

namespace SocialBot.Azure.Storage;

/// <summary>Reads what <c>socialbot status</c> and <c>socialbot replies list</c> show.</summary>
public sealed class StorageStatus
{
    private readonly StorageClients _clients;
    private readonly QueueNamesOptions _names;

    public StorageStatus(StorageClients clients, SocialBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _names = options.Queues;
    }

    public IEnumerable<string> QueueNames => new[] { _names.Mentions, _names.Replies, _names.UrgentHandoffs, _names.Handoffs, _names.Notifications }
        .SelectMany(name => new[] { name, StorageQueueOutbound.PoisonName(name) });

    public async Task<StatusReport> ReadAsync(CancellationToken cancellationToken = default)
    {
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in QueueNames)
        {
            depths[name] = await DepthAsync(name, cancellationToken);
        }

        int handedOff = 0, ignored = 0, acknowledged = 0;
        var table = _clients.Tables.GetTableClient(TableNames.Conversations);
        try
        {
            var filter = "RowKey ge 'mention|' and RowKey lt 'mention}'";
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["Outcome", "Acknowledged"], cancellationToken: cancellationToken))
            {
                if (entity.GetString("Outcome") == "handedOff")
                {
                    handedOff++;
                }
                else
                {
                    ignored++;
                }

                if (entity.GetBoolean("Acknowledged") == true)
                {
                    acknowledged++;
                }
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // No table yet: nothing processed.
        }

        var poisoned = depths[StorageQueueOutbound.PoisonName(_names.Mentions)];
        var pending = depths[_names.Mentions];
        return new StatusReport
        {
            Queues = depths,
            Received = handedOff + ignored + poisoned + pending,
            HandedOff = handedOff,
            Ignored = ignored,
            Poisoned = poisoned,
            Pending = pending,
            Acknowledged = acknowledged,
        };
    }

    public async Task<IReadOnlyList<OutboxEntry>> ListRepliesAsync(CancellationToken cancellationToken = default)
    {
        var entries = new List<OutboxEntry>();
        var table = _clients.Tables.GetTableClient(TableNames.Outbox);
        try
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                entries.Add(new OutboxEntry(
                    entity.GetString("MentionId") ?? "",
                    entity.GetString("Channel") ?? "",
                    entity.GetString("ConversationId") ?? "",
                    entity.GetString("Kind") ?? "acknowledgement",
                    entity.GetString("Text") ?? "",
                    entity.GetDateTimeOffset("SentAt") ?? DateTimeOffset.MinValue,
                    entity.GetString("Reason")));
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // No table yet: nothing sent.
        }

        return entries.OrderBy(entry => entry.SentAt).ToList();
    }

    private async Task<int> DepthAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await _clients.Queues.GetQueueClient(name).GetPropertiesAsync(cancellationToken);
            return properties.Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return 0;
        }
    }
}

/// <summary>The <c>status</c> output: queue depths and outcome counts; handedOff + ignored + poisoned + pending = received.</summary>
public sealed record StatusReport
{
    public required IReadOnlyDictionary<string, int> Queues { get; init; }

    public required int Received { get; init; }

    public required int HandedOff { get; init; }

    public required int Ignored { get; init; }

    public required int Poisoned { get; init; }

    public required int Pending { get; init; }

    public required int Acknowledged { get; init; }
}

/// <summary>One reply recorded by the local outbox channel; <see cref="Reason"/> says why it was kept rather than posted (null on rows written before reasons were kept).</summary>
public sealed record OutboxEntry(string MentionId, string Channel, string ConversationId, string Kind, string Text, DateTimeOffset SentAt, string? Reason = null);
