namespace SocialBot.Core.Sentiment.Cascade;

/// <summary>The <c>SocialBot:Sentiment:Cascade</c> section: when the cascade asks the remote analyzer, and its circuit breaker.</summary>
public sealed class CascadeOptions
{
    public const string SectionName = "SocialBot:Sentiment:Cascade";

    /// <summary>
    /// The local analyzer asked first: <c>embedded</c> (default: the lexicon alone, no model in memory) or
    /// <c>hybrid</c> (the lexicon fast path, then the embedding head; needs <c>AddSocialBotEmbeddings</c>), which makes
    /// the cascade lexicon → hybrid → Azure.
    /// </summary>
    public string Local { get; set; } = "embedded";

    /// <summary>Lower end (inclusive) of the local compound scores that count as uncertain.</summary>
    public double UncertainLow { get; set; } = -0.35;

    /// <summary>Upper end (inclusive) of the local compound scores that count as uncertain.</summary>
    public double UncertainHigh { get; set; } = 0.25;

    /// <summary>
    /// Cue prefixes (the part before <c>:</c>) that mark a customer-care signal; a text with such a cue but no
    /// negative local label is uncertain too. Configured entries are added to these defaults; they must match the
    /// cue names the local (embedded) analyzer emits.
    /// </summary>
    public IList<string> CareCuePrefixes { get; } = [.. CareCueFamilies.All];

    /// <summary>Consecutive remote failures that open the circuit.</summary>
    public int FailureThreshold { get; set; } = 5;

    /// <summary>How long the circuit stays open before one trial call is let through.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the cascade waits for one remote batch before it falls back.</summary>
    public TimeSpan RemoteTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
