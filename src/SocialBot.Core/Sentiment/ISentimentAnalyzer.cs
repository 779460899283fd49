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
