namespace SocialBot.Core.Sentiment;

/// <summary>Scores how a customer feels. Implementations: embedded (offline lexicon and rules), Azure AI Language, cascade.</summary>
public interface ISentimentAnalyzer
{
    /// <summary>Short name that appears in traces and in <c>preview</c> output (<c>embedded</c>, <c>azure</c>, <c>cascade</c>).</summary>
    string Name { get; }

    Task<SentimentResult> AnalyzeAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Scores several texts at once; remote analyzers batch them. Results are in input order.</summary>
    Task<IReadOnlyList<SentimentResult>> AnalyzeBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}

public enum SentimentLabel
{
    Neutral,
    Positive,
    Negative,
    Mixed,
}

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
