using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using SocialBot.Core.Configuration;
using SocialBot.Core.Mentions;
using SocialBot.Core.Privacy;
using SocialBot.Core.Processing;
using SocialBot.Core.Serialization;
using SocialBot.Core.Triage;

namespace SocialBot.Azure.Storage;

/// <summary>
/// Retention and erasure over the storage account: every table SocialBot writes (<see cref="TableNames.All"/>) and
/// the poison queue of every queue it reads. Rows are deleted or rewritten conditionally on their ETag, so a row
/// changed meanwhile (an agent acting on a handoff) is left for the next run instead of being overwritten.
/// </summary>
internal sealed class StoragePersonalDataStore : IPersonalDataStore
{
    private static readonly TimeSpan ScanLease = TimeSpan.FromSeconds(30);
    private static readonly string[] KeysOnly = ["PartitionKey", "RowKey"];

    private readonly StorageClients _clients;
    private readonly QueueNamesOptions _queues;
    private readonly QueueMessageCodec _codec;

    public StoragePersonalDataStore(StorageClients clients, SocialBotOptions options, QueueMessageCodec codec)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _queues = options.Queues;
        _codec = codec;
    }

    private IEnumerable<string> PoisonQueues =>
        new[] { _queues.Mentions, _queues.Replies, _queues.Handoffs, _queues.UrgentHandoffs, _queues.Notifications }.Select(StorageQueueOutbound.PoisonName);

    public async Task<PrivacyReport> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in TableNames.All)
        {
            var table = _clients.Tables.GetTableClient(name);
            var deleted = 0;
            try
            {
                await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Timestamp lt {cutoff}"), select: KeysOnly, cancellationToken: cancellationToken))
                {
                    deleted += await DeleteAsync(table, row, cancellationToken) ? 1 : 0;
                }
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                // The table was never created: nothing to purge.
            }

            counts[name] = deleted;
        }

        foreach (var poison in PoisonQueues)
        {
            counts[poison] = await DeletePoisonAsync(poison, (message, _) => message.InsertedOn < cutoff, cancellationToken);
        }

        return new PrivacyReport { Action = "purge", Counts = counts };
    }

    public async Task<PrivacyReport> EraseAuthorAsync(string channel, string authorId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(authorId);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var mentionIds = new HashSet<string>(StringComparer.Ordinal);
        counts[TableNames.Conversations] = await EraseConversationsAsync(channel, authorId, mentionIds, cancellationToken);
        counts[TableNames.Handoffs] = await EraseHandoffsAsync(channel, authorId, mentionIds, cancellationToken);
        counts[TableNames.Outbox] = await EraseOutboxAsync(channel, mentionIds, cancellationToken);
        // The id as a JSON string, bare (a poisoned message as it was) or escaped once more (inside our poison envelope).
        var needle = JsonSerializer.Serialize(authorId, SocialBotJson.Options);
        var nested = JsonSerializer.Serialize(needle, SocialBotJson.Options)[1..^1];
        foreach (var poison in PoisonQueues)
        {
            counts[poison] = await DeletePoisonAsync(
                poison,
                (_, text) => (text.Contains(needle, StringComparison.Ordinal) || text.Contains(nested, StringComparison.Ordinal))
                    && text.Contains(channel, StringComparison.OrdinalIgnoreCase),
                cancellationToken);
        }

        return new PrivacyReport { Action = "forget", Counts = counts };
    }

    /// <summary>Mention rows lose their trace; the author's acknowledgement rows, daily counters and recent fingerprints go; the stored reference loses the name.</summary>
    private async Task<int> EraseConversationsAsync(string channel, string authorId, HashSet<string> mentionIds, CancellationToken cancellationToken)
    {
        var table = _clients.Tables.GetTableClient(TableNames.Conversations);
        var changed = 0;
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in Query(table, TableClient.CreateQueryFilter($"Channel eq {channel} and AuthorId eq {authorId}"), cancellationToken))
        {
            if (!row.RowKey.StartsWith("mention|", StringComparison.Ordinal))
            {
                continue;
            }

            partitions.Add(row.PartitionKey);
            if (row.GetString("MentionId") is { } mentionId)
            {
                mentionIds.Add(mentionId);
            }

            row["Trace"] = JsonSerializer.Serialize(new[] { PersonalData.Erased }, SocialBotJson.Options);
            changed += await ReplaceAsync(table, row, cancellationToken) ? 1 : 0;
        }

        foreach (var partition in partitions)
        {
            var ack = await table.GetEntityIfExistsAsync<TableEntity>(partition, TableMentionLedger.AckRow(authorId), cancellationToken: cancellationToken);
            changed += ack.HasValue && await DeleteAsync(table, ack.Value!, cancellationToken) ? 1 : 0;
            var state = await table.GetEntityIfExistsAsync<TableEntity>(partition, "state", cancellationToken: cancellationToken);
            if (state.HasValue && AnonymiseState(state.Value!, authorId))
            {
                changed += await ReplaceAsync(table, state.Value!, cancellationToken) ? 1 : 0;
            }
        }

        await foreach (var row in Query(table, TableClient.CreateQueryFilter($"PartitionKey eq {TableMentionLedger.AuthorPartition(channel, authorId)}"), cancellationToken))
        {
            changed += await DeleteAsync(table, row, cancellationToken) ? 1 : 0;
        }

        return changed;
    }

    private static bool AnonymiseState(TableEntity state, string authorId)
    {
        var changed = false;
        if (state.GetString("Recent") is { } recentJson)
        {
            try
            {
                var recent = JsonSerializer.Deserialize<List<RecentMention>>(recentJson, SocialBotJson.Options) ?? [];
                if (recent.RemoveAll(entry => entry.AuthorId == authorId) > 0)
                {
                    state["Recent"] = JsonSerializer.Serialize(recent, SocialBotJson.Options);
                    changed = true;
                }
            }
            catch (JsonException)
            {
                state["Recent"] = "[]";
                changed = true;
            }
        }

        if (state.GetString("ConversationReference") is { } referenceJson)
        {
            var reference = JsonSerializer.Deserialize<ConversationReference>(referenceJson, SocialBotJson.Options);
            if (reference?.User is { } user && user.Id == authorId && user.Name is not null)
            {
                state["ConversationReference"] = JsonSerializer.Serialize(reference with { User = user with { Name = null } }, SocialBotJson.Options);
                changed = true;
            }
        }

        return changed;
    }

    private async Task<int> EraseHandoffsAsync(string channel, string authorId, HashSet<string> mentionIds, CancellationToken cancellationToken)
    {
        var table = _clients.Tables.GetTableClient(TableNames.Handoffs);
        var changed = 0;
        await foreach (var row in Query(table, TableClient.CreateQueryFilter($"Channel eq {channel}"), cancellationToken))
        {
            HandoffTicket? ticket;
            try
            {
                ticket = JsonSerializer.Deserialize<HandoffTicket>(TableText.Read(row, "Ticket") ?? "null", SocialBotJson.Options);
            }
            catch (JsonException)
            {
                continue;
            }

            if (ticket is null || !PersonalData.IsAbout(ticket, channel, authorId))
            {
                continue;
            }

            mentionIds.Add(ticket.Mention.Id);
            TableText.Write(row, "Ticket", SocialBotJson.SerializeCompact(PersonalData.Anonymise(ticket)));
            changed += await ReplaceAsync(table, row, cancellationToken) ? 1 : 0;
        }

        return changed;
    }

    private async Task<int> EraseOutboxAsync(string channel, HashSet<string> mentionIds, CancellationToken cancellationToken)
    {
        var table = _clients.Tables.GetTableClient(TableNames.Outbox);
        var changed = 0;
        await foreach (var row in Query(table, TableClient.CreateQueryFilter($"Channel eq {channel}"), cancellationToken))
        {
            if (row.GetString("MentionId") is { } mentionId && mentionIds.Contains(mentionId) && row.GetString("Text") != PersonalData.Erased)
            {
                row["Text"] = PersonalData.Erased;
                changed += await ReplaceAsync(table, row, cancellationToken) ? 1 : 0;
            }
        }

        return changed;
    }

    /// <summary>Deletes the poison messages <paramref name="match"/> picks; the others are made visible again at once.</summary>
    private async Task<int> DeletePoisonAsync(string queueName, Func<QueueMessage, string, bool> match, CancellationToken cancellationToken)
    {
        var queue = _clients.Queues.GetQueueClient(queueName);
        if (!(await queue.ExistsAsync(cancellationToken)).Value)
        {
            return 0;
        }

        var deleted = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(PoisonStore.MaxPeek, ScanLease, cancellationToken)).Value;
            var fresh = 0;
            foreach (var message in batch)
            {
                var first = seen.Add(message.MessageId);
                fresh += first ? 1 : 0;
                if (first && match(message, _codec.TryDecode(message.MessageText, out _) ?? message.MessageText))
                {
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    deleted++;
                }
                else
                {
                    // Kept (or received again after it was let go): visible again at once for `poison list`.
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
                }
            }

            if (fresh == 0)
            {
                return deleted;
            }
        }
    }

    private static async IAsyncEnumerable<TableEntity> Query(TableClient table, string filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).AsPages().GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                try
                {
                    if (!await pages.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (RequestFailedException exception) when (exception.Status == 404)
                {
                    yield break;
                }

                foreach (var row in pages.Current.Values)
                {
                    yield return row;
                }
            }
        }
        finally
        {
            await pages.DisposeAsync();
        }
    }

    private static async Task<bool> DeleteAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            return false;
        }
    }

    private static async Task<bool> ReplaceAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            return false;
        }
    }
}
