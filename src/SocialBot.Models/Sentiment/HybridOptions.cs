namespace SocialBot.Models.Sentiment;

/// <summary>The <c>SocialBot:Sentiment:Hybrid</c> section.</summary>
public sealed class HybridOptions
{
    public const string SectionName = "SocialBot:Sentiment:Hybrid";

    /// <summary>A weights file to use instead of the shipped one (from <c>socialbot train sentiment</c>); relative to the working directory.</summary>
    public string? WeightsFile { get; set; }

    /// <summary>Overrides the trained lexicon fast-path bound on |compound| (0..1.01; above 1 the lexicon never decides alone).</summary>
    public double? LexiconSure { get; set; }
}
