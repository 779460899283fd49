namespace SocialBot.Core.Configuration;

/// <summary>The <c>SocialBot</c> configuration section. Each property is one sub-section.</summary>
public sealed class SocialBotOptions
{
    public const string SectionName = "SocialBot";

    public StaffedHoursOptions StaffedHours { get; set; } = new();

    public AfterHoursOptions AfterHours { get; set; } = new();

    /// <summary>The team's own handles (with or without @) and author ids; mentions from them are ignored.</summary>
    public IList<string> OwnAccounts { get; } = [];

    public TriageOptions Triage { get; set; } = new();

    public SentimentOptions Sentiment { get; set; } = new();

    public QueueNamesOptions Queues { get; set; } = new();

    public AcknowledgementOptions Acknowledgement { get; set; } = new();

    /// <summary>Extra channels, or overrides of the built-in ones, by channel name.</summary>
    public IDictionary<string, ChannelOptions> Channels { get; } = new Dictionary<string, ChannelOptions>(StringComparer.OrdinalIgnoreCase);
}

public sealed class StaffedHoursOptions
{
    /// <summary>IANA time zone id, e.g. <c>America/New_York</c>.</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>Day name to local windows such as <c>09:00-17:00</c>; absent days are closed.</summary>
    public IDictionary<string, IList<string>> Weekly { get; } = new Dictionary<string, IList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whole local dates (<c>yyyy-MM-dd</c>) when nobody is staffed.</summary>
    public IList<string> Closed { get; } = [];

    /// <summary>Optional path to an iCalendar (.ics) file whose events close whole days.</summary>
    public string? HolidayCalendar { get; set; }
}

public sealed class AfterHoursOptions
{
    public string TeamName { get; set; } = "";

    public string? Email { get; set; }

    public string? Voicemail { get; set; }
}

public sealed class TriageOptions
{
    /// <summary>Hand off non-negative mentions as normal priority so a person follows up (default true).</summary>
    public bool HandoffNonNegative { get; set; } = true;

    /// <summary>No automatic acknowledgement when an agent replied in the conversation within this many minutes.</summary>
    public int AgentReplyQuietMinutes { get; set; } = 10;

    /// <summary>A second mention with the same author, conversation and text within this many minutes is a duplicate.</summary>
    public int DuplicateWindowMinutes { get; set; } = 10;

    /// <summary>First-response target for urgent handoffs, in staffed minutes.</summary>
    public int UrgentResponseMinutes { get; set; } = 30;

    /// <summary>First-response target for normal handoffs, in staffed minutes.</summary>
    public int NormalResponseMinutes { get; set; } = 240;

    /// <summary>Acknowledge indirect mentions (brand search hits, <c>direct: false</c>) automatically too (default false: handed off only).</summary>
    public bool ReplyToIndirectMentions { get; set; }

    /// <summary>Messages that consist of one of these end automatic replies to their author on that channel (empty: stop, unsubscribe, opt out …).</summary>
    public IList<string> OptOutWords { get; } = [];
}

public sealed class SentimentOptions
{
    /// <summary><c>embedded</c> (default, offline lexicon), <c>hybrid</c> (lexicon, then the embedding head; needs the models registered), <c>azure</c> or <c>cascade</c>.</summary>
    public string Analyzer { get; set; } = "embedded";

    /// <summary>Compound score at or below which a text is negative.</summary>
    public double NegativeThreshold { get; set; } = -0.05;
}

public sealed class QueueNamesOptions
{
    public string Mentions { get; set; } = "mentions";

    public string Replies { get; set; } = "replies";

    public string Handoffs { get; set; } = "handoffs";

    public string UrgentHandoffs { get; set; } = "handoffs-urgent";

    /// <summary>Escalation notices waiting for the <c>NotifyEscalation</c> function (used only when a webhook is set).</summary>
    public string Notifications { get; set; } = "notifications";
}

public sealed class ChannelOptions
{
    /// <summary>Longest reply the channel accepts, counted as the channel counts.</summary>
    public int? MaxReplyLength { get; set; }

    /// <summary>Whether posts on the channel are public unless the mention says otherwise.</summary>
    public bool? IsPublic { get; set; }
}

/// <summary>Wording of the automatic acknowledgement. Every list is a set of variants; one is chosen per mention.</summary>
public sealed class AcknowledgementOptions
{
    public IList<string> Greetings { get; } = [];

    public IList<string> AnonymousGreetings { get; } = [];

    public IList<string> Thanks { get; } = [];

    public IList<string> Apologies { get; } = [];

    public IList<string> BackAt { get; } = [];

    public IList<string> Contact { get; } = [];

    public IList<string> EmailOnly { get; } = [];

    public IList<string> VoicemailOnly { get; } = [];

    public IList<string> PublicPrivacyNote { get; } = [];

    public IList<string> SignOff { get; } = [];
}
