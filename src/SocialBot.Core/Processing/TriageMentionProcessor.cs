using Microsoft.Extensions.Logging;
using SocialBot.Core.Diagnostics;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Mentions;
using SocialBot.Core.OptOut;
using SocialBot.Core.Replies;
using SocialBot.Core.Triage;

namespace SocialBot.Core.Processing;

/// <summary>
/// The body of the <c>TriageMention</c> function (DESIGN.md section 1), the same in Functions and standalone mode:
/// validate, skip what an earlier delivery finished, decide, then apply the effects so that a retry at any point never
/// sends a second reply or a second handoff: replies and handoffs are queued first under ids derived from the mention
/// (the consumers drop repeats), the outcome is recorded after them, and the queue message is deleted last.
/// </summary>
public sealed partial class TriageMentionProcessor
{
    private readonly MentionParser _parser;
    private readonly TriagePolicy _policy;
    private readonly IMentionLedger _ledger;
    private readonly IOutboundQueues _queues;
    private readonly TimeProvider _time;
    private readonly ILogger<TriageMentionProcessor> _logger;
    private readonly IHandoffAnnouncer[] _announcers;
    private readonly EscalationNotifier? _escalation;
    private readonly IOptOutStore? _optOuts;
    private readonly IEffectLog? _effects;
    private readonly AutoReplyOptions _autoReplies;

    /// <summary>How often a mention is decided again after another delivery changed the author's acknowledgement.</summary>
    private const int MaxDecideAttempts = 5;

    public TriageMentionProcessor(
        MentionParser parser,
        TriagePolicy policy,
        IMentionLedger ledger,
        IOutboundQueues queues,
        TimeProvider time,
        ILogger<TriageMentionProcessor> logger,
        IEnumerable<IHandoffAnnouncer>? announcers = null,
        EscalationNotifier? escalation = null,
        IOptOutStore? optOuts = null,
        IEffectLog? effects = null,
        AutoReplyOptions? autoReplies = null)
    {
        _optOuts = optOuts;
        _effects = effects;
        _autoReplies = autoReplies ?? new AutoReplyOptions();
        _announcers = announcers?.ToArray() ?? [];
        _escalation = escalation;
        _parser = parser;
        _policy = policy;
        _ledger = ledger;
        _queues = queues;
        _time = time;
        _logger = logger;
    }

    public async Task<ProcessingResult> ProcessAsync(string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parsed = _parser.Parse(message);
        if (!parsed.IsValid)
        {
            LogInvalid(_logger, parsed.Problems.Count);
            return ProcessingResult.Poison("invalid mention: " + parsed.Describe());
        }

        var mention = parsed.Mention!;
        var state = await _ledger.ReadAsync(mention, cancellationToken);
        if (state.AlreadyProcessed)
        {
            LogRepeat(_logger, mention.Channel);
            return ProcessingResult.Done($"{mention.Key}: already processed (repeat delivery)");
        }

        var now = _time.GetUtcNow();
        var optedOutAt = _optOuts is null ? null : await _optOuts.FindAsync(mention.Channel, mention.Author.Id, cancellationToken);
        TriageDecision decision;
        for (var attempt = 1; ; attempt++)
        {
            // Decide and reserve the acknowledgement under the same concurrency token: when another mention of the
            // author got there first, read again and decide again, so quick mentions never each get an acknowledgement.
            decision = await _policy.DecideAsync(mention, now, WithOptOut(state.History, optedOutAt), cancellationToken);
            if (!decision.Acknowledge)
            {
                break;
            }

            var reservation = await _ledger.ReserveAcknowledgementAsync(mention, decision, state, _autoReplies.MaxPerAuthorPerDay, cancellationToken);
            if (reservation == AcknowledgementReservation.Reserved)
            {
                break;
            }

            if (reservation == AcknowledgementReservation.DailyLimitReached)
            {
                decision = decision with
                {
                    Reply = null,
                    Trace = [.. decision.Trace, $"no automatic acknowledgement: this author already had {_autoReplies.MaxPerAuthorPerDay} today (SocialBot:AutoReplies:MaxPerAuthorPerDay)"],
                };
                break;
            }

            if (attempt == MaxDecideAttempts)
            {
                throw new InvalidOperationException($"{mention.Key}: the author's acknowledgement kept changing during {attempt} attempts; retry later");
            }

            state = await _ledger.ReadAsync(mention, cancellationToken);
            if (state.AlreadyProcessed)
            {
                LogRepeat(_logger, mention.Channel);
                return ProcessingResult.Done($"{mention.Key}: already processed (repeat delivery)");
            }
        }

        if (decision.OptOut && _optOuts is not null)
        {
            // Before the outcome is recorded: a retry after a crash here records it again (the first date is kept).
            await _optOuts.RecordAsync(mention.Channel, mention.Author.Id, mention.ReceivedAt, cancellationToken);
        }

        if (decision.Reply is { } reply)
        {
            await _queues.EnqueueReplyAsync(
                new OutgoingReply
                {
                    ReplyId = $"{mention.Channel}/{mention.Id}/acknowledgement",
                    MentionId = mention.Id,
                    Channel = mention.Channel,
                    ConversationId = mention.ConversationId,
                    Kind = ReplyKind.Acknowledgement,
                    Text = reply.Text,
                    CreatedAt = now,
                    IsPublic = mention.IsPublic,
                    ConversationReference = mention.ConversationReference,
                    NetworkReference = mention.NetworkReference,
                },
                cancellationToken);
        }

        if (decision.Handoff is { } handoff)
        {
            var ticket = new HandoffTicket
            {
                Id = $"{mention.Channel}/{mention.Id}",
                Mention = mention,
                Priority = handoff.Priority,
                Reasons = handoff.Reasons,
                DueBy = handoff.DueBy,
                Sentiment = decision.Sentiment,
                Acknowledgement = decision.Reply?.Text,
                ArrivedAfterHours = !decision.Staffed,
                HandedOffAt = now,
                Trace = decision.Trace,
            };
            await _queues.EnqueueHandoffAsync(ticket, cancellationToken);
            if (_escalation?.Plan(ticket) is not null && !await HasDoneAsync(mention, NoticeEffect(ticket.Id), cancellationToken))
            {
                if (await _escalation!.NotifyAsync(ticket, cancellationToken))
                {
                    await MarkDoneAsync(mention, NoticeEffect(ticket.Id), cancellationToken);
                }
            }

            await AnnounceAsync(ticket, cancellationToken);
        }

        var recorded = await _ledger.RecordAsync(mention, decision, state, cancellationToken);
        var outcome = decision.Handoff is { } h
            ? $"handed off ({(h.Priority == HandoffPriority.Urgent ? "urgent" : "normal")})"
            : $"ignored ({IgnoreReasons.ToWire(decision.Ignored ?? IgnoreReason.NoFollowUp)})";
        LogTriaged(_logger, mention.Channel, outcome, decision.Acknowledge);
        SocialBotMetrics.MentionTriaged(decision);
        return ProcessingResult.Done($"{mention.Key}: {outcome}{(decision.Acknowledge ? ", acknowledged" : "")}{(recorded ? "" : " (recorded by another delivery)")}");
    }

    /// <summary>The effect key of a handoff's escalation notice (sent once per handoff id).</summary>
    public static string NoticeEffect(string handoffId) => "notice|" + handoffId;

    /// <summary>The effect key of a handoff's announcement to a channel (the <c>handoff.initiate</c> event; once per handoff id).</summary>
    public static string AnnounceEffect(IHandoffAnnouncer announcer, string handoffId) => $"announce|{announcer?.GetType().Name}|{handoffId}";

    private async Task<bool> HasDoneAsync(Mention mention, string effect, CancellationToken cancellationToken) =>
        _effects is not null && await _effects.HasDoneAsync(mention, effect, cancellationToken);

    private async Task MarkDoneAsync(Mention mention, string effect, CancellationToken cancellationToken)
    {
        if (_effects is not null)
        {
            await _effects.MarkDoneAsync(mention, effect, _time.GetUtcNow(), cancellationToken);
        }
    }

    private async Task AnnounceAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        foreach (var announcer in _announcers)
        {
            var effect = AnnounceEffect(announcer, ticket.Id);
            try
            {
                if (await HasDoneAsync(ticket.Mention, effect, cancellationToken))
                {
                    continue;
                }

                await announcer.AnnounceAsync(ticket, cancellationToken);
                await MarkDoneAsync(ticket.Mention, effect, cancellationToken);
            }
#pragma warning disable CA1031 // Best effort by design: the handoff is already queued for agents.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogAnnounceFailed(_logger, ticket.Mention.Channel, exception.GetType().Name);
            }
        }
    }

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Could not tell the {Channel} channel about a handoff ({ErrorType}); agents still have it")]
    private static partial void LogAnnounceFailed(ILogger logger, string channel, string errorType);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "A mention failed validation with {ProblemCount} problem(s); it goes to the poison queue")]
    private static partial void LogInvalid(ILogger logger, int problemCount);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "A {Channel} mention was delivered again after it was processed; nothing to do")]
    private static partial void LogRepeat(ILogger logger, string channel);

    private static ConversationHistory WithOptOut(ConversationHistory history, DateTimeOffset? optedOutAt) =>
        optedOutAt is null ? history : history with { OptedOutAt = optedOutAt };

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Triaged a {Channel} mention: {Outcome}, acknowledged {Acknowledged}")]
    private static partial void LogTriaged(ILogger logger, string channel, string outcome, bool acknowledged);
}
