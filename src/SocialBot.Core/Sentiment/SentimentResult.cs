namespace SocialBot.Core.Sentiment;

/// <summary>
/// A sentiment verdict. <see cref="Score"/> is a compound score from -1 (most negative) to +1 (most positive);
/// <see cref="Cues"/> lists what the analyzer found (for example <c>waiting: "still waiting"</c>) so a trace can say why.
/// </summary>
public sealed record SentimentResult
{
    public required SentimentLabel Label { get; init; }

    public required double Score { get; init; }

    /// <summary>Which analyzer decided (for a cascade, the one whose verdict was used).</summary>
    public required string Analyzer { get; init; }

    public IReadOnlyList<string> Cues { get; init; } = [];

    public bool IsNegative => Label == SentimentLabel.Negative;
}
