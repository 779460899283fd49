using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SocialBot.Core.Mentions;
using SocialBot.Core.Processing;
using SocialBot.Core.Serialization;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Triage;

namespace SocialBot.Azure.Storage;

/// <summary>
/// The ledger in the <c>conversations</c> table. Each conversation is one partition holding a <c>state</c> row (last
/// agent reply, fingerprints of recent mentions), one <c>ack|author</c> row per acknowledged author, and one
/// <c>mention|id</c> row per processed mention (outcome and trace). So one query reads everything triage needs and one
/// entity-group transaction records the outcome: two storage operations per mention.
/// </summary>
internal sealed class TableMentionLedger : IMentionLedger, IConversationHistory, IEffectLog
{
    private const int RecentLimit = 20;
    private const int TraceLimit = 30_000;
    private const string StateRow = "state";
    private const int MaxRecordAttempts = 5;

    private readonly TableClient _table;

    public TableMentionLedger(StorageClients clients)
    {
        _table = clients.Tables.GetTableClient(TableNames.Conversations);
    }

    public static string PartitionFor(string channel, string conversationId) => $"{TableKey.Escape(channel)}|{TableKey.Escape(conversationId)}";

    public static string MentionRow(string mentionId) => "mention|" + TableKey.Escape(mentionId);

    public static string AckRow(string authorId) => "ack|" + TableKey.Escape(authorId);

    public async Task<LedgerState> ReadAsync(Mention mention, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var partition = PartitionFor(mention.Channel, mention.ConversationId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and (RowKey eq {StateRow} or RowKey eq {AckRow(mention.Author.Id)} or RowKey eq {MentionRow(mention.Id)})");
        var processed = false;
        DateTimeOffset? lastAck = null;
        DateTimeOffset? lastAgent = null;
        List<RecentMention> recent = [];
        string? version = null;
        string? ackVersion = null;
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (entity.RowKey == StateRow)
            {
                lastAgent = entity.GetDateTimeOffset("LastAgentReplyAt");
                recent = ReadRecent(entity.GetString("Recent"));
                version = entity.ETag.ToString();
            }
            else if (entity.RowKey.StartsWith("ack|", StringComparison.Ordinal))
            {
                // This mention's own reservation (an earlier delivery that did not finish) is not "already acknowledged".
                ackVersion = entity.ETag.ToString();
                if (entity.GetString("MentionId") != mention.Id)
                {
                    lastAck = entity.GetDateTimeOffset("LastAcknowledgedAt");
                }
            }
            else
            {
                processed = true;
            }
        }

        return new LedgerState(processed, new ConversationHistory { LastAcknowledgedAt = lastAck, LastAgentReplyAt = lastAgent, RecentMentions = recent })
        {
            Version = version,
            AcknowledgementVersion = ackVersion,
        };
    }

    public async Task<ConversationHistory> GetAsync(Mention mention, CancellationToken cancellationToken = default) =>
        (await ReadAsync(mention, cancellationToken)).History;

    public async Task<bool> RecordAsync(Mention mention, TriageDecision decision, LedgerState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mention);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(state);
        var partition = PartitionFor(mention.Channel, mention.ConversationId);
        for (var attempt = 1; ; attempt++)
        {
            if (state.AlreadyProcessed)
            {
                return false;
            }

            // The state row is written only if nobody changed it since it was read (ETag), so a concurrent mention's
            // fingerprint or an agent's reply time is never overwritten; on a conflict, read again and retry.
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.Add, MentionEntity(partition, mention, decision)),
                StateAction(partition, mention, state),
            };
            if (decision.Acknowledge)
            {
                actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, AckRow(mention.Author.Id))
                {
                    ["LastAcknowledgedAt"] = decision.DecidedAt,
                    ["MentionId"] = mention.Id,
                }));
            }

            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 && attempt < MaxRecordAttempts)
            {
                state = await ReadAsync(mention, cancellationToken);
            }
        }
    }

    public async Task<AcknowledgementReservation> ReserveAcknowledgementAsync(
        Mention mention, TriageDecision decision, LedgerState state, int dailyLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mention);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(state);
        var counted = await CountAutoReplyAsync(mention, decision.DecidedAt, dailyLimit, cancellationToken);
        if (counted != AcknowledgementReservation.Reserved)
        {
            return counted;
        }

        // Written only if the author's acknowledgement row is still the one the decision read (or still absent).
        var entity = new TableEntity(PartitionFor(mention.Channel, mention.ConversationId), AckRow(mention.Author.Id))
        {
            ["LastAcknowledgedAt"] = decision.DecidedAt,
            ["MentionId"] = mention.Id,
        };
        try
        {
            if (state.AcknowledgementVersion is null)
            {
                await _table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await _table.UpdateEntityAsync(entity, new ETag(state.AcknowledgementVersion), TableUpdateMode.Replace, cancellationToken);
            }

            return AcknowledgementReservation.Reserved;
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            return AcknowledgementReservation.Conflict;
        }
    }

    /// <summary>
    /// Counts the acknowledgement against the author's cap for the UTC day, in the author's own partition
    /// (<c>%%author|channel|id</c>, which no conversation partition can equal). The row lists the mention ids counted,
    /// so a retried mention is not counted twice.
    /// </summary>
    private async Task<AcknowledgementReservation> CountAutoReplyAsync(Mention mention, DateTimeOffset at, int dailyLimit, CancellationToken cancellationToken)
    {
        var partition = AuthorPartition(mention.Channel, mention.Author.Id);
        var row = "day|" + at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var existing = await _table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        var ids = existing.HasValue ? ReadIds(existing.Value!.GetString("MentionIds")) : [];
        if (ids.Contains(mention.Id))
        {
            return AcknowledgementReservation.Reserved;
        }

        if (ids.Count >= dailyLimit)
        {
            return AcknowledgementReservation.DailyLimitReached;
        }

        ids.Add(mention.Id);
        var entity = new TableEntity(partition, row)
        {
            ["Channel"] = mention.Channel,
            ["AuthorId"] = mention.Author.Id,
            ["Count"] = ids.Count,
            ["MentionIds"] = JsonSerializer.Serialize(ids, SocialBotJson.Options),
        };
        try
        {
            if (existing.HasValue)
            {
                await _table.UpdateEntityAsync(entity, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await _table.AddEntityAsync(entity, cancellationToken);
            }

            return AcknowledgementReservation.Reserved;
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            return AcknowledgementReservation.Conflict;
        }
    }

    public static string AuthorPartition(string channel, string authorId) => $"%%author|{TableKey.Escape(channel)}|{TableKey.Escape(authorId)}";

    public static string EffectRow(string effect) => "effect|" + TableKey.Escape(effect);

    public async Task<bool> HasDoneAsync(Mention mention, string effect, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionFor(mention.Channel, mention.ConversationId), EffectRow(effect), ["DoneAt"], cancellationToken);
        return row.HasValue;
    }

    public async Task MarkDoneAsync(Mention mention, string effect, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var entity = new TableEntity(PartitionFor(mention.Channel, mention.ConversationId), EffectRow(effect)) { ["DoneAt"] = at };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    private static List<string> ReadIds(string? json)
    {
        try
        {
            return string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json, SocialBotJson.Options) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public async Task RecordAgentReplyAsync(string channel, string conversationId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(PartitionFor(channel, conversationId), StateRow) { ["LastAgentReplyAt"] = at };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task RecordHandoffStatusAsync(string channel, string conversationId, string state, string? message, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(PartitionFor(channel, conversationId), StateRow)
        {
            ["HandoffStatus"] = state,
            ["HandoffStatusMessage"] = message,
            ["HandoffStatusAt"] = at,
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    private static TableTransactionAction StateAction(string partition, Mention mention, LedgerState state)
    {
        var recent = state.History.RecentMentions.ToList();
        recent.Insert(0, new RecentMention(mention.Id, mention.Author.Id, MentionFingerprint.Of(mention.Text), mention.ReceivedAt));
        var entity = new TableEntity(partition, StateRow)
        {
            ["Channel"] = mention.Channel,
            ["ConversationId"] = mention.ConversationId,
            ["Recent"] = JsonSerializer.Serialize(recent.Take(RecentLimit).ToList(), SocialBotJson.Options),
        };
        if (mention.ConversationReference is not null)
        {
            entity["ConversationReference"] = JsonSerializer.Serialize(mention.ConversationReference, SocialBotJson.Options);
        }

        return state.Version is null
            ? new TableTransactionAction(TableTransactionActionType.Add, entity)
            : new TableTransactionAction(TableTransactionActionType.UpdateMerge, entity, new ETag(state.Version));
    }

    private static TableEntity MentionEntity(string partition, Mention mention, TriageDecision decision)
    {
        var trace = JsonSerializer.Serialize(decision.Trace, SocialBotJson.Options);
        return new TableEntity(partition, MentionRow(mention.Id))
        {
            ["MentionId"] = mention.Id,
            ["Channel"] = mention.Channel,
            ["ConversationId"] = mention.ConversationId,
            ["AuthorId"] = mention.Author.Id,
            ["ReceivedAt"] = mention.ReceivedAt,
            ["DecidedAt"] = decision.DecidedAt,
            ["Outcome"] = decision.Handoff is null ? "ignored" : "handedOff",
            ["Ignored"] = decision.Ignored is { } reason ? IgnoreReasons.ToWire(reason) : null,
            ["Priority"] = decision.Handoff is { } handoff ? (handoff.Priority == HandoffPriority.Urgent ? "urgent" : "normal") : null,
            ["DueBy"] = decision.Handoff?.DueBy,
            ["Acknowledged"] = decision.Acknowledge,
            ["Staffed"] = decision.Staffed,
            ["Sentiment"] = decision.Sentiment?.Label.ToWire(),
            ["SentimentScore"] = decision.Sentiment?.Score,
            ["Trace"] = trace.Length > TraceLimit ? trace[..TraceLimit] : trace,
        };
    }

    private static List<RecentMention> ReadRecent(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<RecentMention>>(json, SocialBotJson.Options) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
