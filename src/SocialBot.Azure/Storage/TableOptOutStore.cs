using Azure;
using Azure.Data.Tables;
using SocialBot.Core.OptOut;

namespace SocialBot.Azure.Storage;

/// <summary>The <c>optouts</c> table: one row per channel (partition) and author id (row), with the date of the opt-out.</summary>
internal sealed class TableOptOutStore : IOptOutStore
{
    private readonly TableClient _table;

    public TableOptOutStore(StorageClients clients)
    {
        _table = clients.Tables.GetTableClient(TableNames.OptOuts);
    }

    public async Task<DateTimeOffset?> FindAsync(string channel, string authorId, CancellationToken cancellationToken = default)
    {
        try
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(channel), TableKey.Escape(authorId), select: ["OptedOutAt"], cancellationToken: cancellationToken);
            return row.HasValue ? row.Value!.GetDateTimeOffset("OptedOutAt") : null;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    public async Task RecordAsync(string channel, string authorId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(TableKey.Escape(channel), TableKey.Escape(authorId)) { ["Channel"] = channel, ["OptedOutAt"] = at };
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Recorded before: the first date stays.
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            await RecordAsync(channel, authorId, at, cancellationToken);
        }
    }
}
