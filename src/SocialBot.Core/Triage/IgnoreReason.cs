namespace SocialBot.Core.Triage;

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
