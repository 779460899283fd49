using SocialBot.Core.Sentiment;

namespace SocialBot.Core.Triage;

/// <summary>What to do with one mention, and why (<see cref="Trace"/>). Expected outcomes are values here, not exceptions.</summary>
public sealed record TriageDecision
{
    public required string MentionId { get; init; }

    public required string Channel { get; init; }

    /// <summary>The instant the decision was made for.</summary>
    public required DateTimeOffset DecidedAt { get; init; }

    public required bool Staffed { get; init; }

    public DateTimeOffset? NextStaffedAt { get; init; }

    /// <summary>Null when the mention was ignored before it was analysed.</summary>
    public SentimentResult? Sentiment { get; init; }

    /// <summary>The automatic acknowledgement to send, if any.</summary>
    public ReplyDraft? Reply { get; init; }

    /// <summary>The quick answer in <see cref="Reply"/>, if one was given.</summary>
    public AnswerDraft? Answer { get; init; }

    public HandoffDraft? Handoff { get; init; }

    /// <summary>Why the mention was ignored; null when it was not.</summary>
    public IgnoreReason? Ignored { get; init; }

    /// <summary>The mention asked for no more automatic replies ("stop"): the processor records the opt-out.</summary>
    public bool OptOut { get; init; }

    /// <summary>Human-readable reasons, in the order they were decided.</summary>
    public required IReadOnlyList<string> Trace { get; init; }

    public bool Acknowledge => Reply is not null;

    public TriageOutcome Outcome => Handoff is not null ? TriageOutcome.HandedOff : TriageOutcome.Ignored;
}

public sealed record ReplyDraft(string Text)
{
    /// <summary>Whether the text carries the quick answer.</summary>
    public bool IncludesAnswer { get; init; }
}

/// <summary>A quick answer given in the reply: the knowledge-list entry and how sure the matcher was.</summary>
public sealed record AnswerDraft(string EntryId, double Score);

public sealed record HandoffDraft
{
    public required HandoffPriority Priority { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>When a first response is due, counted in staffed time from the handoff; null if never staffed.</summary>
    public DateTimeOffset? DueBy { get; init; }
}

public enum HandoffPriority
{
    Normal,
    Urgent,
}

public enum TriageOutcome
{
    HandedOff,
    Ignored,
}

/// <summary>Why a mention gets no handoff. Wire names: duplicate, own-account, bot, auto-reply, no-follow-up, answered.</summary>
public enum IgnoreReason
{
    Duplicate,
    OwnAccount,
    Bot,
    AutoReply,

    /// <summary>Not negative and <c>SocialBot:Triage:HandoffNonNegative</c> is off.</summary>
    NoFollowUp,

    /// <summary>Answered automatically, not negative, and <c>SocialBot:Answers:HandoffAnsweredQuestions</c> is off.</summary>
    Answered,
}
