using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using SocialBot.Azure.Storage;
using SocialBot.Core.Configuration;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;
using SocialBot.Core.Serialization;
using SocialBot.Core.Triage;

namespace SocialBot.Azure.Handoffs;

/// <summary>
/// The agents' desk over the <c>handoffs</c> table. Each call first moves waiting tickets from the handoff queues into
/// the table (an insert keyed by ticket id, so a repeated ticket is ignored; the message is deleted once its row exists),
/// then works on rows. Every change is an ETag-conditional update, so two agents never both win the same claim: the loser
/// gets 412 and moves on to the next handoff (or, for an explicit action, re-reads and re-checks the rules).
/// </summary>
internal sealed class TableHandoffDesk : IHandoffDesk
{
    private const string Partition = "handoff";
    private const int ImportBatch = 32;
    private const int UpdateAttempts = 5;
    private const int NoteLimit = 1000;
    private const int AuditLimit = 30_000;

    private readonly StorageClients _clients;
    private readonly TableClient _table;
    private readonly QueueNamesOptions _queues;
    private readonly QueueMessageCodec _codec;
    private readonly IOutboundQueues _outbound;
    private readonly IPoisonQueue _poison;
    private readonly IMentionLedger _ledger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lease;

    public TableHandoffDesk(
        StorageClients clients, SocialBotOptions options, AgentOptions agents, QueueMessageCodec codec, IOutboundQueues outbound, IPoisonQueue poison, IMentionLedger ledger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(agents);
        _clients = clients;
        _table = clients.Tables.GetTableClient(TableNames.Handoffs);
        _queues = options.Queues;
        _codec = codec;
        _outbound = outbound;
        _poison = poison;
        _ledger = ledger;
        _time = time;
        _lease = TimeSpan.FromMinutes(agents.LeaseMinutes);
    }

    public static string RowKeyFor(string id) => TableKey.Escape(id);

    public async Task<Handoff?> NextAsync(string agent, CancellationToken cancellationToken = default)
    {
        await ImportAsync(cancellationToken);
        var rows = new List<(TableEntity Entity, Handoff Handoff)>();
        var now = _time.GetUtcNow();
        await foreach (var entity in _table.QueryAsync<TableEntity>($"PartitionKey eq '{Partition}' and Status ne 'resolved'", cancellationToken: cancellationToken))
        {
            var handoff = ToHandoff(entity, now);
            if (handoff.Status == HandoffStatus.Open)
            {
                rows.Add((entity, handoff));
            }
        }

        foreach (var candidate in HandoffRules.InClaimOrder(rows.Select(row => row.Handoff)))
        {
            var entity = rows.First(row => ReferenceEquals(row.Handoff, candidate)).Entity;
            Claim(entity, agent, now, "claimed");
            try
            {
                var response = await _table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                entity.ETag = response.Headers.ETag ?? entity.ETag;
                return ToHandoff(entity, now);
            }
            catch (RequestFailedException exception) when (exception.Status is 412 or 404)
            {
                // Another agent took it first: try the next one.
            }
        }

        return null;
    }

    public Task<IReadOnlyList<Handoff>> ListAsync(HandoffStatus? status = null, HandoffPriority? priority = null, CancellationToken cancellationToken = default) =>
        ListAsync(new HandoffFilter { Status = status, Priority = priority }, cancellationToken);

    public async Task<IReadOnlyList<Handoff>> ListAsync(HandoffFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await ImportAsync(cancellationToken);
        var now = _time.GetUtcNow();
        var handoffs = new List<Handoff>();
        await foreach (var entity in _table.QueryAsync<TableEntity>($"PartitionKey eq '{Partition}'", cancellationToken: cancellationToken))
        {
            var handoff = ToHandoff(entity, now);
            if (filter.Matches(handoff))
            {
                handoffs.Add(handoff);
            }
        }

        return HandoffRules.InListOrder(handoffs).ToList();
    }

    public Task<Handoff> ClaimAsync(string id, string agent, CancellationToken cancellationToken = default) =>
        ActAsync(id, agent, "claim", supervisor: false, (entity, now) => Claim(entity, agent, now, "claimed"), cancellationToken);

    public async Task<Handoff> ShowAsync(string id, CancellationToken cancellationToken = default)
    {
        await ImportAsync(cancellationToken);
        return ToHandoff(await GetAsync(id, cancellationToken), _time.GetUtcNow());
    }

    public Task<Handoff> ReplyAsync(string id, string agent, string text, CancellationToken cancellationToken = default) =>
        ReplyAsync(id, agent, text, replyKey: null, cancellationToken);

    public async Task<Handoff> ReplyAsync(string id, string agent, string text, string? replyKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var handoff = await ActAsync(id, agent, "reply", supervisor: false, (entity, now) => Claim(entity, agent, now, "replied", Excerpt(text)), cancellationToken);
        var now = _time.GetUtcNow();
        var mention = handoff.Ticket.Mention;
        await _outbound.EnqueueReplyAsync(
            new OutgoingReply
            {
                ReplyId = $"{handoff.Id}/agent/{(string.IsNullOrWhiteSpace(replyKey) ? Guid.NewGuid().ToString("N") : replyKey.Trim())}",
                MentionId = mention.Id,
                Channel = mention.Channel,
                ConversationId = mention.ConversationId,
                Kind = ReplyKind.Agent,
                Text = text,
                CreatedAt = now,
                IsPublic = mention.IsPublic,
                AgentName = agent,
                ConversationReference = mention.ConversationReference,
                NetworkReference = mention.NetworkReference,
            },
            cancellationToken);
        await _ledger.RecordAgentReplyAsync(mention.Channel, mention.ConversationId, now, cancellationToken);
        return handoff;
    }

    public Task<Handoff> ResolveAsync(string id, string agent, string? note = null, CancellationToken cancellationToken = default) =>
        ActAsync(
            id,
            agent,
            "resolve",
            supervisor: false,
            (entity, now) =>
            {
                entity["Status"] = "resolved";
                entity["ResolvedAt"] = now;
                entity.Remove("ClaimedUntil");
                AppendAudit(entity, agent, now, "resolved", note);
            },
            cancellationToken);

    public Task<Handoff> ReleaseAsync(string id, string agent, CancellationToken cancellationToken = default) =>
        ReleaseAsync(id, agent, supervisor: false, cancellationToken);

    public Task<Handoff> ReleaseAsync(string id, string agent, bool supervisor, CancellationToken cancellationToken = default) =>
        ActAsync(
            id,
            agent,
            "release",
            supervisor,
            (entity, now) =>
            {
                entity["Status"] = "open";
                entity.Remove("ClaimedBy");
                entity.Remove("ClaimedUntil");
                AppendAudit(entity, agent, now, "released", null);
            },
            cancellationToken);

    public Task<Handoff> ExtendAsync(string id, string agent, CancellationToken cancellationToken = default) =>
        ActAsync(id, agent, "extend", supervisor: false, (entity, now) => Claim(entity, agent, now, "extended"), cancellationToken);

    /// <summary>Moves every waiting ticket (urgent queue first) into the table; repeats are dropped, bad messages poisoned.</summary>
    public async Task<int> ImportAsync(CancellationToken cancellationToken = default)
    {
        var imported = 0;
        foreach (var queueName in new[] { _queues.UrgentHandoffs, _queues.Handoffs })
        {
            var queue = _clients.Queues.GetQueueClient(queueName);
            while (true)
            {
                QueueMessage[] messages;
                try
                {
                    messages = (await queue.ReceiveMessagesAsync(ImportBatch, TimeSpan.FromSeconds(30), cancellationToken)).Value;
                }
                catch (RequestFailedException exception) when (exception.Status == 404)
                {
                    break;
                }

                if (messages.Length == 0)
                {
                    break;
                }

                foreach (var message in messages)
                {
                    imported += await ImportOneAsync(queue, message, cancellationToken) ? 1 : 0;
                }
            }
        }

        return imported;
    }

    private async Task<bool> ImportOneAsync(QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        var text = _codec.TryDecode(message.Body.ToString(), out var problem);
        HandoffTicket? ticket = null;
        if (text is not null)
        {
            try
            {
                ticket = JsonSerializer.Deserialize<HandoffTicket>(text, SocialBotJson.Options);
            }
            catch (JsonException exception)
            {
                problem = "invalid handoff ticket: " + exception.Message;
            }
        }

        var inserted = false;
        if (ticket is null || string.IsNullOrWhiteSpace(ticket.Id))
        {
            await _poison.SendAsync(
                queue.Name,
                new PoisonMessage
                {
                    Reason = problem ?? "invalid handoff ticket: id is required",
                    Queue = queue.Name,
                    DequeueCount = message.DequeueCount,
                    PoisonedAt = _time.GetUtcNow(),
                    Message = text ?? message.Body.ToString(),
                },
                cancellationToken);
        }
        else
        {
            inserted = await InsertAsync(ticket, cancellationToken);
        }

        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        return inserted;
    }

    private async Task<bool> InsertAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition, RowKeyFor(ticket.Id))
        {
            ["HandoffId"] = ticket.Id,
            ["MentionId"] = ticket.Mention.Id,
            ["Channel"] = ticket.Mention.Channel,
            ["Status"] = "open",
            ["Priority"] = ticket.Priority == HandoffPriority.Urgent ? "urgent" : "normal",
            ["DueBy"] = ticket.DueBy,
            ["CreatedAt"] = ticket.HandedOffAt,
            ["Ticket"] = JsonSerializer.Serialize(ticket, SocialBotJson.Options),
            ["Audit"] = "[]",
        };
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Reads the row, checks the rules for the agent, applies the change and writes it if nobody changed it meanwhile.</summary>
    private async Task<Handoff> ActAsync(string id, string agent, string action, bool supervisor, Action<TableEntity, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        await ImportAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var entity = await GetAsync(id, cancellationToken);
            var now = _time.GetUtcNow();
            var refusal = HandoffRules.Refusal(ToHandoff(entity, now), agent, action, supervisor);
            if (refusal is not null)
            {
                throw new HandoffException(HandoffRefusal.Conflict, refusal);
            }

            change(entity, now);
            try
            {
                await _table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return ToHandoff(entity, now);
            }
            catch (RequestFailedException exception) when (exception.Status == 412 && attempt < UpdateAttempts)
            {
                // Changed meanwhile (another agent, or a claim): read again and re-check.
            }
        }
    }

    private async Task<TableEntity> GetAsync(string id, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, RowKeyFor(id.Trim()), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value! : throw new HandoffException(HandoffRefusal.NotFound, $"no handoff with id {id}");
    }

    private void Claim(TableEntity entity, string agent, DateTimeOffset now, string action, string? note = null)
    {
        entity["Status"] = "claimed";
        entity["ClaimedBy"] = agent;
        entity["ClaimedUntil"] = now + _lease;
        AppendAudit(entity, agent, now, action, note);
    }

    /// <summary>
    /// Adds an audit line. The trail is one string property (at most 32K characters), so notes are cut to
    /// <see cref="NoteLimit"/> characters and, should the trail still outgrow <see cref="AuditLimit"/>, the oldest lines after
    /// the first are dropped (the first claim and every recent action stay).
    /// </summary>
    private static void AppendAudit(TableEntity entity, string agent, DateTimeOffset now, string action, string? note)
    {
        var audit = ReadAudit(entity);
        audit.Add(new HandoffAuditEntry { At = now, Agent = Excerpt(agent, 200)!, Action = action, Note = Excerpt(note) });
        var json = JsonSerializer.Serialize(audit, SocialBotJson.Options);
        while (json.Length > AuditLimit && audit.Count > 2)
        {
            audit.RemoveAt(1);
            json = JsonSerializer.Serialize(audit, SocialBotJson.Options);
        }

        entity["Audit"] = json;
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private static string? Excerpt(string? text, int limit = NoteLimit) =>
        text is null || text.Length <= limit ? text : string.Concat(text.AsSpan(0, limit - 1), "…");

    private static List<HandoffAuditEntry> ReadAudit(TableEntity entity) =>
        JsonSerializer.Deserialize<List<HandoffAuditEntry>>(entity.GetString("Audit") ?? "[]", SocialBotJson.Options) ?? [];

    private static Handoff ToHandoff(TableEntity entity, DateTimeOffset now)
    {
        var stored = Enum.Parse<HandoffStatus>(entity.GetString("Status") ?? "open", ignoreCase: true);
        var claimedUntil = entity.GetDateTimeOffset("ClaimedUntil");
        var status = HandoffRules.EffectiveStatus(stored, claimedUntil, now);
        var ticket = JsonSerializer.Deserialize<HandoffTicket>(entity.GetString("Ticket") ?? "null", SocialBotJson.Options)
            ?? throw new InvalidDataException($"handoff row {entity.RowKey} has no ticket");
        var dueBy = entity.GetDateTimeOffset("DueBy");
        return new Handoff
        {
            Id = entity.GetString("HandoffId") ?? ticket.Id,
            MentionId = ticket.Mention.Id,
            Channel = ticket.Mention.Channel,
            Priority = string.Equals(entity.GetString("Priority"), "urgent", StringComparison.Ordinal) ? HandoffPriority.Urgent : HandoffPriority.Normal,
            Status = status,
            ClaimedBy = status == HandoffStatus.Open ? null : entity.GetString("ClaimedBy"),
            ClaimedUntil = status == HandoffStatus.Claimed ? claimedUntil : null,
            DueBy = dueBy,
            Overdue = HandoffRules.IsOverdue(status, dueBy, now),
            CreatedAt = entity.GetDateTimeOffset("CreatedAt") ?? ticket.HandedOffAt,
            ResolvedAt = entity.GetDateTimeOffset("ResolvedAt"),
            Ticket = ticket,
            Audit = ReadAudit(entity),
        };
    }
}
