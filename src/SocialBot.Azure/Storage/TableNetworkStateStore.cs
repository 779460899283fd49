using Azure;
using Azure.Data.Tables;
using SocialBot.Core.Networks;

namespace SocialBot.Azure.Storage;

/// <summary>
/// The <c>networks</c> table: one partition per network; a row <c>feed|{feed}</c> per poller feed (cursor, backoff,
/// last poll and error, count) and a row <c>reply|{replyId}</c> per reply the network's channel posted (the platform's
/// post id). Values are short (ids, one error line capped at 1,000 characters).
/// </summary>
internal sealed class TableNetworkStateStore : INetworkStateStore
{
    private const int MaxErrorLength = 1000;
    private const string FeedPrefix = "feed|";
    private const string ReplyPrefix = "reply|";

    private readonly TableClient _table;

    public TableNetworkStateStore(StorageClients clients)
    {
        _table = clients.Tables.GetTableClient(TableNames.Networks);
    }

    public async Task<FeedState> GetAsync(string network, string feed, CancellationToken cancellationToken = default)
    {
        try
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(network), FeedPrefix + TableKey.Escape(feed), cancellationToken: cancellationToken);
            return row.HasValue ? ToState(row.Value!) : new FeedState { Network = network, Feed = feed };
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return new FeedState { Network = network, Feed = feed };
        }
    }

    public async Task SaveAsync(FeedState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var error = state.LastError is { Length: > MaxErrorLength } tooLong ? tooLong[..MaxErrorLength] + "…" : state.LastError;
        var entity = new TableEntity(TableKey.Escape(state.Network), FeedPrefix + TableKey.Escape(state.Feed))
        {
            ["Network"] = state.Network,
            ["Feed"] = state.Feed,
            ["Cursor"] = state.Cursor,
            ["NotBefore"] = state.NotBefore,
            ["LastPollAt"] = state.LastPollAt,
            ["LastError"] = error,
            ["LastErrorAt"] = state.LastErrorAt,
            ["Failures"] = state.Failures,
            ["Enqueued"] = state.Enqueued,
        };
        await WithTableAsync(() => _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<FeedState>> ListAsync(string network, CancellationToken cancellationToken = default)
    {
        var states = new List<FeedState>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(network)} and RowKey ge {FeedPrefix} and RowKey lt {"feed}"}");
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                states.Add(ToState(row));
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // No table yet: never polled.
        }

        return states;
    }

    public async Task RecordReplyAsync(string network, string replyId, string platformPostId, DateTimeOffset postedAt, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(TableKey.Escape(network), ReplyPrefix + TableKey.Escape(replyId))
        {
            ["ReplyId"] = replyId,
            ["PostId"] = platformPostId,
            ["PostedAt"] = postedAt,
        };
        await WithTableAsync(() => _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    public async Task<string?> FindReplyAsync(string network, string replyId, CancellationToken cancellationToken = default)
    {
        try
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(network), ReplyPrefix + TableKey.Escape(replyId), select: ["PostId"], cancellationToken: cancellationToken);
            return row.HasValue ? row.Value!.GetString("PostId") : null;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    public async Task<int> CountRepliesAsync(string network, CancellationToken cancellationToken = default)
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(network)} and RowKey ge {ReplyPrefix} and RowKey lt {"reply}"}");
        try
        {
            await foreach (var _ in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                count++;
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // No table yet.
        }

        return count;
    }

    private async Task WithTableAsync(Func<Task<Response>> write, CancellationToken cancellationToken)
    {
        try
        {
            await write();
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            await write();
        }
    }

    private static FeedState ToState(TableEntity row) => new()
    {
        Network = row.GetString("Network") ?? row.PartitionKey,
        Feed = row.GetString("Feed") ?? row.RowKey[FeedPrefix.Length..],
        Cursor = row.GetString("Cursor"),
        NotBefore = row.GetDateTimeOffset("NotBefore"),
        LastPollAt = row.GetDateTimeOffset("LastPollAt"),
        LastError = row.GetString("LastError"),
        LastErrorAt = row.GetDateTimeOffset("LastErrorAt"),
        Failures = row.GetInt32("Failures") ?? 0,
        Enqueued = row.GetInt64("Enqueued") ?? 0,
        Version = row.ETag.ToString(),
    };
}
