namespace SocialBot.Core.Configuration;

/// <summary>
/// The <c>SocialBot</c> configuration section: its own keys (<see cref="OwnAccounts"/>, <see cref="Channels"/>) plus,
/// for convenience, the core sub-sections, each of which is bound and validated on its own (<c>IOptions&lt;StaffedHoursOptions&gt;</c>
/// and so on; these properties are the same instances). Prefer taking the one section a class needs.
/// </summary>
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
