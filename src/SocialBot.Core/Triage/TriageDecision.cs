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
