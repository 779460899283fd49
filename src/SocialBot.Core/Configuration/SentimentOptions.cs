using System.ComponentModel.DataAnnotations;

namespace SocialBot.Core.Configuration;

/// <summary>The <c>SocialBot:Sentiment</c> section: which analyzer scores mentions.</summary>
public sealed class SentimentOptions
{
    public const string SectionName = "SocialBot:Sentiment";

    /// <summary><c>embedded</c> (default, offline lexicon), <c>hybrid</c> (lexicon, then the embedding head; needs the models registered), <c>azure</c> or <c>cascade</c>.</summary>
    [Required(ErrorMessage = "is required (embedded, hybrid, azure or cascade)")]
    [RegularExpression(@"^\s*(?i:embedded|hybrid|azure|cascade)\s*$", ErrorMessage = "is not one of embedded, hybrid, azure, cascade")]
    public string Analyzer { get; set; } = "embedded";

    /// <summary>Compound score at or below which a text is negative.</summary>
    public double NegativeThreshold { get; set; } = -0.05;
}
