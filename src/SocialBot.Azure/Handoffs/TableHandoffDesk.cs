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
    private const int MaxKeyLength = 512;
    private const int MaxNoteLength = 1_000;
    private const string TicketProperty = "Ticket";
    private const string AuditProperty = "Audit";

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

    public async Task<Handoff> ReplyAsync(string id, string agent, string text, string? requestId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (requestId is not null && AgentReplyId.Problem(requestId) is { } problem)
        {
            throw new HandoffException(problem);
        }

        var handoff = await ActAsync(id, agent, "reply", supervisor: false, (entity, now) => Claim(entity, agent, now, "replied", Excerpt(text)), cancellationToken);
        var now = _time.GetUtcNow();
        var mention = handoff.Ticket.Mention;
        await _outbound.EnqueueReplyAsync(
            new OutgoingReply
            {
                ReplyId = AgentReplyId.For(handoff.Id, agent, text, requestId),
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
                problem = ticket is null ? "invalid handoff ticket: null" : Validate(ticket);
            }
            catch (JsonException exception)
            {
                problem = "invalid handoff ticket: " + exception.Message;
            }
        }

        var inserted = false;
        if (problem is null)
        {
            try
            {
                inserted = await InsertAsync(ticket!, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status is 400 or 413)
            {
                // The table refused this one ticket (a value it cannot hold): park it with the reason, keep importing.
                problem = $"the handoffs table refused the ticket ({exception.Status} {exception.ErrorCode})";
            }
        }

        if (problem is not null)
        {
            await _poison.SendAsync(
                queue.Name,
                new PoisonMessage
                {
                    Reason = problem,
                    Queue = queue.Name,
                    DequeueCount = message.DequeueCount,
                    PoisonedAt = _time.GetUtcNow(),
                    Message = text ?? message.Body.ToString(),
                },
                cancellationToken);
        }

        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        return inserted;
    }

    /// <summary>Why a decoded ticket cannot become a handoff row, or null when it can.</summary>
    private static string? Validate(HandoffTicket ticket)
    {
        if (string.IsNullOrWhiteSpace(ticket.Id))
        {
            return "invalid handoff ticket: id is required";
        }

        if (ticket.Mention is null || string.IsNullOrWhiteSpace(ticket.Mention.Id) || string.IsNullOrWhiteSpace(ticket.Mention.Channel))
        {
            return "invalid handoff ticket: mention (with id and channel) is required";
        }

        return RowKeyFor(ticket.Id).Length > MaxKeyLength ? $"invalid handoff ticket: id is longer than {MaxKeyLength} characters" : null;
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
            ["Audit"] = "[]",
        };

        // Compact JSON (an emoji is 2 characters, not 12) split over as many properties as it needs, so whatever the
        // customer wrote fits the table's 32K-character property limit.
        TableText.Write(entity, TicketProperty, SocialBotJson.SerializeCompact(ticket));
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
    /// Adds an audit line. Notes are cut to <see cref="MaxNoteLength"/> characters and the agent's name to 200; the trail
    /// is written as compact JSON split over as many properties as it needs (<see cref="TableText"/>), each within the
    /// table's 32K-character limit.
    /// </summary>
    private static void AppendAudit(TableEntity entity, string agent, DateTimeOffset now, string action, string? note)
    {
        var audit = ReadAudit(entity);
        audit.Add(new HandoffAuditEntry { At = now, Agent = Excerpt(agent, 200)!, Action = action, Note = Excerpt(note) });
        TableText.Write(entity, AuditProperty, SocialBotJson.SerializeCompact(audit));
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private static string? Excerpt(string? text, int limit = MaxNoteLength) =>
        text is null || text.Length <= limit ? text : string.Concat(text.AsSpan(0, limit - 1), "…");

    private static List<HandoffAuditEntry> ReadAudit(TableEntity entity) =>
        JsonSerializer.Deserialize<List<HandoffAuditEntry>>(TableText.Read(entity, AuditProperty) ?? "[]", SocialBotJson.Options) ?? [];

    private static Handoff ToHandoff(TableEntity entity, DateTimeOffset now)
    {
        var stored = Enum.Parse<HandoffStatus>(entity.GetString("Status") ?? "open", ignoreCase: true);
        var claimedUntil = entity.GetDateTimeOffset("ClaimedUntil");
        var status = HandoffRules.EffectiveStatus(stored, claimedUntil, now);
        var ticket = JsonSerializer.Deserialize<HandoffTicket>(TableText.Read(entity, TicketProperty) ?? "null", SocialBotJson.Options)
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
