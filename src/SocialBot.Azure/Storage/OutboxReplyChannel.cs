using Azure;
using Azure.Data.Tables;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;

namespace SocialBot.Azure.Storage;

/// <summary>
/// The local reply channel (the fallback when no channel of the reply's network is configured): records each reply in the <c>outbox</c>
/// table instead of posting it, so <c>socialbot replies list</c> shows what the bot would have said. Keyed by reply id,
/// so recording twice is harmless.
/// </summary>
internal sealed class OutboxReplyChannel : IIdempotentReplyChannel, IFallbackReplyChannel
{
    private readonly TableClient _table;
    private readonly TimeProvider _time;

    public OutboxReplyChannel(StorageClients clients, TimeProvider time)
    {
        _table = clients.Tables.GetTableClient(TableNames.Outbox);
        _time = time;
    }

    public string Name => "outbox";

    public Task SendAsync(OutgoingReply reply, CancellationToken cancellationToken = default) => KeepAsync(reply, reason: null, cancellationToken);

    /// <summary>Records the reply with why it was not posted (at most <see cref="ReplyChannelRouter.MaxReasonLength"/> characters, well within a table property).</summary>
    public async Task KeepAsync(OutgoingReply reply, string? reason, CancellationToken cancellationToken = default)
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
            ["Reason"] = reason is { Length: > ReplyChannelRouter.MaxReasonLength } ? reason[..ReplyChannelRouter.MaxReasonLength] : reason,
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }
}

/// <summary>
/// Send claims and sent markers in the <c>sentreplies</c> table, one row per reply id: <c>State</c> is <c>sending</c>
/// (with the claim time) or <c>sent</c>. A claim older than <see cref="StaleAfter"/> belonged to a worker that died
/// mid-send and is taken over (conditionally on its ETag, so only one worker wins).
/// </summary>
internal sealed class TableSentReplyLog : ISentReplyLog
{
    /// <summary>Longer than any send with its retries (the Bot Connector client gives up after its 60 s budget, <c>BotConnectorClient.Policy.TotalTimeout</c>).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(3);

    private const string Partition = "sent";
    private const string Sending = "sending";
    private const string Sent = "sent";

    private readonly TableClient _table;

    public TableSentReplyLog(StorageClients clients)
    {
        _table = clients.Tables.GetTableClient(TableNames.SentReplies);
    }

    public async Task<SendClaim> ClaimAsync(OutgoingReply reply, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var claim = new TableEntity(Partition, TableKey.Escape(reply.ReplyId)) { ["State"] = Sending, ["ClaimedAt"] = now, ["Channel"] = reply.Channel };
        try
        {
            await _table.AddEntityAsync(claim, cancellationToken);
            return SendClaim.Claimed;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, claim.RowKey, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                return SendClaim.InProgress;
            }

            var row = existing.Value!;
            if (row.GetString("State") != Sending)
            {
                return SendClaim.AlreadySent;
            }

            if (row.GetDateTimeOffset("ClaimedAt") is { } claimedAt && now - claimedAt < StaleAfter)
            {
                return SendClaim.InProgress;
            }

            try
            {
                await _table.UpdateEntityAsync(claim, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return SendClaim.Claimed;
            }
            catch (RequestFailedException conflict) when (conflict.Status == 412)
            {
                return SendClaim.InProgress;
            }
        }
    }

    public async Task MarkSentAsync(OutgoingReply reply, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        await _table.UpsertEntityAsync(
            new TableEntity(Partition, TableKey.Escape(reply.ReplyId)) { ["State"] = Sent, ["SentAt"] = sentAt, ["Channel"] = reply.Channel },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task ReleaseAsync(OutgoingReply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        try
        {
            await _table.DeleteEntityAsync(Partition, TableKey.Escape(reply.ReplyId), ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Already gone.
        }
    }
}
