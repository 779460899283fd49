using System.ComponentModel.DataAnnotations;

namespace SocialBot.Core.Configuration;

/// <summary>The <c>SocialBot:Triage</c> section: what is handed off, and when an acknowledgement is held back.</summary>
public sealed class TriageOptions
{
    public const string SectionName = "SocialBot:Triage";

    /// <summary>Hand off non-negative mentions as normal priority so a person follows up (default true).</summary>
    public bool HandoffNonNegative { get; set; } = true;

    /// <summary>No automatic acknowledgement when an agent replied in the conversation within this many minutes.</summary>
    [Range(0, 24 * 60)]
    public int AgentReplyQuietMinutes { get; set; } = 10;

    /// <summary>A second mention with the same author, conversation and text within this many minutes is a duplicate.</summary>
    [Range(0, 24 * 60)]
    public int DuplicateWindowMinutes { get; set; } = 10;

    /// <summary>First-response target for urgent handoffs, in staffed minutes.</summary>
    [Range(1, 7 * 24 * 60)]
    public int UrgentResponseMinutes { get; set; } = 30;

    /// <summary>First-response target for normal handoffs, in staffed minutes.</summary>
    [Range(1, 30 * 24 * 60)]
    public int NormalResponseMinutes { get; set; } = 240;

    /// <summary>Acknowledge indirect mentions (brand search hits, <c>direct: false</c>) automatically too (default false: handed off only).</summary>
    public bool ReplyToIndirectMentions { get; set; }

    /// <summary>Messages that consist of one of these end automatic replies to their author on that channel (empty: stop, unsubscribe, opt out …).</summary>
    public IList<string> OptOutWords { get; } = [];
}
