using System.Globalization;
using Microsoft.Extensions.Logging;
using SocialBot.Core.Acknowledgements;
using SocialBot.Core.Answers;
using SocialBot.Core.Configuration;
using SocialBot.Core.Hours;
using SocialBot.Core.Mentions;
using SocialBot.Core.OptOut;
using SocialBot.Core.Sentiment;

namespace SocialBot.Core.Triage;

/// <summary>
/// Decides what happens to a mention (DESIGN.md section 1, steps 1-4): ignore it (own account, bot, auto-reply,
/// duplicate), acknowledge it automatically when the team is off duty (at most once per author and conversation per
/// closed period, and not right after an agent replied), give a confident quick answer (in the acknowledgement, or at
/// once while staffed), and hand it off: urgent when negative, normal otherwise.
/// Every step adds a line to the decision's trace.
/// </summary>
public sealed partial class TriagePolicy
{
    private readonly StaffedHours _hours;
    private readonly ISentimentAnalyzer _sentiment;
    private readonly IConversationHistory _history;
    private readonly AcknowledgementComposer _composer;
    private readonly TriageOptions _options;
    private readonly OwnAccountMatcher _ownAccounts;
    private readonly OptOutWords _optOutWords;
    private readonly ILogger<TriagePolicy> _logger;
    private readonly QuickAnswers? _answers;

    public TriagePolicy(
        StaffedHours hours,
        ISentimentAnalyzer sentiment,
        IConversationHistory history,
        AcknowledgementComposer composer,
        SocialBotOptions options,
        ILogger<TriagePolicy> logger,
        QuickAnswers? answers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _hours = hours;
        _sentiment = sentiment;
        _history = history;
        _composer = composer;
        _options = options.Triage;
        _ownAccounts = new OwnAccountMatcher(options.OwnAccounts);
        _optOutWords = new OptOutWords(options.Triage.OptOutWords);
        _logger = logger;
        _answers = answers;
    }

    /// <summary>Decides, reading the conversation's history through the <see cref="IConversationHistory"/> port.</summary>
    public async Task<TriageDecision> DecideAsync(Mention mention, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var history = await _history.GetAsync(mention, cancellationToken);
        return await DecideAsync(mention, at, history, cancellationToken);
    }

    /// <summary>Decides with history the caller has already read (the queue function reads it with the idempotency check).</summary>
    public async Task<TriageDecision> DecideAsync(Mention mention, DateTimeOffset at, ConversationHistory history, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mention);
        ArgumentNullException.ThrowIfNull(history);
        var trace = new List<string>
        {
            $"{mention.Key}: {(mention.IsPublic ? "public" : "private")} mention on {mention.Channel}, received {Stamp(mention.ReceivedAt)}, decided at {Stamp(at)}",
        };
        var staffed = _hours.IsStaffed(at);
        var nextStaffedAt = staffed ? at : _hours.NextStaffedAt(at);
        var decision = new TriageDecision
        {
            MentionId = mention.Id,
            Channel = mention.Channel,
            DecidedAt = at,
            Staffed = staffed,
            NextStaffedAt = nextStaffedAt,
            Trace = trace,
        };

        var ignored = IgnoreBeforeAnalysis(mention, trace);
        if (ignored is not null)
        {
            return decision with { Ignored = ignored };
        }

        if (FindDuplicate(mention, history) is { } original)
        {
            trace.Add($"ignored: duplicate of {original.MentionId} (same author and text within {_options.DuplicateWindowMinutes} minutes)");
            return decision with { Ignored = IgnoreReason.Duplicate };
        }

        trace.Add(staffed
            ? $"staffed now ({_hours.TimeZoneId})"
            : $"outside staffed hours ({_hours.TimeZoneId}); next staffed {(nextStaffedAt is { } n ? Stamp(n) : "never (no opening within 400 days)")}");

        var sentiment = await _sentiment.AnalyzeAsync(mention.Text, cancellationToken);
        trace.Add($"sentiment {sentiment.Label.ToWire()} ({sentiment.Score.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)}) by {sentiment.Analyzer}"
            + (sentiment.Cues.Count > 0 ? ": " + string.Join(", ", sentiment.Cues) : ""));

        var optOut = _optOutWords.Match(mention.Text);
        var automatic = AutomaticRepliesAllowed(mention, history, optOut, trace);
        var lookup = automatic ? _answers?.Find(mention, sentiment.IsNegative, at, cancellationToken) : null;
        if (lookup is not null)
        {
            trace.Add(lookup.Trace);
        }

        var reply = !automatic
            ? null
            : staffed
                ? AnswerWhileStaffed(mention, sentiment, at, history, lookup?.Answer, trace)
                : Acknowledge(mention, sentiment, at, nextStaffedAt, history, trace, lookup?.Answer);
        var answered = reply?.IncludesAnswer == true ? lookup!.Answer : null;

        HandoffDraft? handoff = null;
        if (sentiment.IsNegative || !mention.Direct || (answered is null ? _options.HandoffNonNegative : _answers!.Options.HandoffAnsweredQuestions))
        {
            handoff = Handoff(sentiment, staffed, at, trace, answered is not null);
            if (!mention.Direct)
            {
                handoff = handoff with { Reasons = [.. handoff.Reasons, "brand mention that does not address the account"] };
            }
        }
        else
        {
            trace.Add(answered is null
                ? "no handoff: not negative and SocialBot:Triage:HandoffNonNegative is off"
                : "no handoff: answered automatically, not negative, and SocialBot:Answers:HandoffAnsweredQuestions is off");
        }

        LogDecided(_logger, mention.Channel, handoff?.Priority, reply is not null);
        return decision with
        {
            Sentiment = sentiment,
            Reply = reply,
            Answer = answered is null ? null : new AnswerDraft(answered.EntryId, answered.Score),
            Handoff = handoff,
            Ignored = handoff is null ? (answered is null ? IgnoreReason.NoFollowUp : IgnoreReason.Answered) : null,
            OptOut = optOut is not null && history.OptedOutAt is null,
        };
    }

    /// <summary>Opt-outs ("stop") and indirect mentions (brand search) get no automatic reply; agents can still answer.</summary>
    private bool AutomaticRepliesAllowed(Mention mention, ConversationHistory history, string? optOut, List<string> trace)
    {
        if (history.OptedOutAt is { } optedOutAt)
        {
            trace.Add($"no automatic reply: the author opted out of automatic replies on {mention.Channel} on {optedOutAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; agents can still reply");
            return false;
        }

        if (optOut is not null)
        {
            trace.Add($"opt-out: the author wrote '{optOut}'; no automatic replies to them on {mention.Channel} from now on (agents can still reply)");
            return false;
        }

        if (!mention.Direct && !_options.ReplyToIndirectMentions)
        {
            trace.Add("no automatic reply: an indirect mention (found by brand search, it does not address the account) is handed to a person (SocialBot:Triage:ReplyToIndirectMentions is off)");
            return false;
        }

        return true;
    }

    private IgnoreReason? IgnoreBeforeAnalysis(Mention mention, List<string> trace)
    {
        if (_ownAccounts.Matches(mention.Author))
        {
            trace.Add("ignored: the author is one of the team's own accounts (SocialBot:OwnAccounts)");
            return IgnoreReason.OwnAccount;
        }

        if (mention.Author.IsBot)
        {
            trace.Add("ignored: the author is a bot");
            return IgnoreReason.Bot;
        }

        if (AutoReplyDetector.IsAutoReply(mention.Text))
        {
            trace.Add("ignored: the text is an automatic reply (out-of-office or auto-responder)");
            return IgnoreReason.AutoReply;
        }

        return null;
    }

    private RecentMention? FindDuplicate(Mention mention, ConversationHistory history)
    {
        if (history.RecentMentions.Count == 0)
        {
            return null;
        }

        var fingerprint = MentionFingerprint.Of(mention.Text);
        var window = TimeSpan.FromMinutes(_options.DuplicateWindowMinutes);
        foreach (var recent in history.RecentMentions)
        {
            if (recent.MentionId != mention.Id
                && recent.AuthorId == mention.Author.Id
                && recent.Fingerprint == fingerprint
                && (mention.ReceivedAt - recent.ReceivedAt).Duration() <= window)
            {
                return recent;
            }
        }

        return null;
    }

    private ReplyDraft? Acknowledge(
        Mention mention, SentimentResult sentiment, DateTimeOffset at, DateTimeOffset? nextStaffedAt, ConversationHistory history, List<string> trace, QuickAnswer? answer)
    {
        if (history.LastAcknowledgedAt is { } lastAck && _hours.NextStaffedAt(lastAck) == nextStaffedAt)
        {
            trace.Add($"no automatic acknowledgement: this author was already acknowledged in this conversation at {Stamp(lastAck)}, in the same closed period");
            return null;
        }

        if (history.LastAgentReplyAt is { } lastAgent && at - lastAgent < TimeSpan.FromMinutes(_options.AgentReplyQuietMinutes))
        {
            trace.Add($"no automatic acknowledgement: an agent replied in this conversation at {Stamp(lastAgent)}, within {_options.AgentReplyQuietMinutes} minutes");
            return null;
        }

        var composed = _composer.Compose(mention, sentiment, at, nextStaffedAt, answer?.Text);
        trace.Add($"acknowledge: after hours; reply of {composed.Length}/{composed.MaxLength} characters on {mention.Channel}"
            + (composed.Level == 0 ? " (full wording)" : $" (shortened to fit, level {composed.Level})")
            + (composed.Topic is null ? "" : $", about {composed.Topic}")
            + (mention.IsPublic ? "; public, so no personal details" : "")
            + (answer is null ? "" : composed.IncludesAnswer ? $"; answer {answer.EntryId} first" : $"; answer {answer.EntryId} left out: too long for {mention.Channel}"));
        return new ReplyDraft(composed.Text) { IncludesAnswer = composed.IncludesAnswer };
    }

    /// <summary>While staffed, a confident quick answer is sent at once (SocialBot:Answers:DuringStaffedHours); nothing else is.</summary>
    private ReplyDraft? AnswerWhileStaffed(Mention mention, SentimentResult sentiment, DateTimeOffset at, ConversationHistory history, QuickAnswer? answer, List<string> trace)
    {
        trace.Add("no automatic acknowledgement: the team is on duty");
        if (answer is null)
        {
            return null;
        }

        if (!_answers!.Options.DuringStaffedHours)
        {
            trace.Add($"answer {answer.EntryId} not sent: SocialBot:Answers:DuringStaffedHours is off");
            return null;
        }

        if (history.LastAgentReplyAt is { } lastAgent && at - lastAgent < TimeSpan.FromMinutes(_options.AgentReplyQuietMinutes))
        {
            trace.Add($"answer {answer.EntryId} not sent: an agent replied in this conversation at {Stamp(lastAgent)}, within {_options.AgentReplyQuietMinutes} minutes");
            return null;
        }

        if (_composer.ComposeAnswer(mention, sentiment, answer.Text) is not { } composed)
        {
            trace.Add($"answer {answer.EntryId} not sent: too long for {mention.Channel}");
            return null;
        }

        trace.Add($"answer at once: {answer.EntryId}, reply of {composed.Length}/{composed.MaxLength} characters on {mention.Channel}");
        return new ReplyDraft(composed.Text) { IncludesAnswer = true };
    }

    private HandoffDraft Handoff(SentimentResult sentiment, bool staffed, DateTimeOffset at, List<string> trace, bool answered)
    {
        var urgent = sentiment.IsNegative;
        var reasons = new List<string>();
        if (urgent)
        {
            reasons.Add($"negative sentiment ({sentiment.Score.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)})");
            reasons.AddRange(sentiment.Cues.Take(3));
        }

        if (answered)
        {
            reasons.Add("answered automatically: check");
        }
        else if (!urgent)
        {
            reasons.Add("follow-up: a person answers every mention");
        }

        if (!staffed)
        {
            reasons.Add("arrived after hours");
        }

        var target = TimeSpan.FromMinutes(urgent ? _options.UrgentResponseMinutes : _options.NormalResponseMinutes);
        var dueBy = _hours.AddStaffedTime(at, target);
        trace.Add($"hand off as {(urgent ? "urgent" : "normal")}: first response due {(dueBy is { } due ? Stamp(due) : "never")} ({target.TotalMinutes} staffed minutes)");
        return new HandoffDraft
        {
            Priority = urgent ? HandoffPriority.Urgent : HandoffPriority.Normal,
            Reasons = reasons,
            DueBy = dueBy,
        };
    }

    private string Stamp(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, _hours.TimeZone);
        return $"{local.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {BackTimeFormatter.ZoneAbbreviation(_hours, instant)}";
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Triaged a {Channel} mention: handoff {Priority}, acknowledged {Acknowledged}")]
    private static partial void LogDecided(ILogger logger, string channel, HandoffPriority? priority, bool acknowledged);
}
