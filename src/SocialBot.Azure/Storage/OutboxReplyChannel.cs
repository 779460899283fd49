using Azure.Data.Tables;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;

namespace SocialBot.Azure.Storage;

/// <summary>
/// The local reply channel (the default when no Bot Connector is configured): records each reply in the <c>outbox</c>
/// table instead of posting it, so <c>socialbot replies list</c> shows what the bot would have said. Keyed by reply id,
/// so recording twice is harmless.
/// </summary>
internal sealed class OutboxReplyChannel : IIdempotentReplyChannel
{
    private readonly TableClient _table;
    private readonly TimeProvider _time;

    public OutboxReplyChannel(StorageClients clients, TimeProvider time)
    {
        _table = clients.Tables.GetTableClient(TableNames.Outbox);
        _time = time;
    }

    public string Name => "outbox";

    public async Task SendAsync(OutgoingReply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var entity = new TableEntity(TableKey.Escape(reply.Channel), TableKey.Escape(reply.ReplyId))
        {
            ["ReplyId"] = reply.ReplyId,
            ["MentionId"] = reply.MentionId,
            ["Channel"] = reply.Channel,
            ["ConversationId"] = reply.ConversationId,
            ["Kind"] = reply.Kind == ReplyKind.Agent ? "agent" : "acknowledgement",
            ["Text"] = reply.Text,
            ["AgentName"] = reply.AgentName,
            ["SentAt"] = _time.GetUtcNow(),
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }
}

/// <summary>Sent-reply markers in the <c>sentreplies</c> table.</summary>
internal sealed class TableSentReplyLog : ISentReplyLog
{
    private readonly TableClient _table;

    public TableSentReplyLog(StorageClients clients)
    {
        _table = clients.Tables.GetTableClient(TableNames.SentReplies);
    }

    public async Task<bool> WasSentAsync(string replyId, CancellationToken cancellationToken = default)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>("sent", TableKey.Escape(replyId), cancellationToken: cancellationToken);
        return response.HasValue;
    }

    public async Task MarkSentAsync(OutgoingReply reply, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        await _table.UpsertEntityAsync(
            new TableEntity("sent", TableKey.Escape(reply.ReplyId)) { ["SentAt"] = sentAt, ["Channel"] = reply.Channel },
            TableUpdateMode.Replace,
            cancellationToken);
    }
}
