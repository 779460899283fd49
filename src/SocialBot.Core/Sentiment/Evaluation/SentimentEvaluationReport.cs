namespace SocialBot.Core.Sentiment.Evaluation;

/// <summary>
/// How an analyzer did on a labelled set; serialized camelCase as the output of <c>socialbot eval sentiment</c>.
/// Accuracy counts a mixed prediction as neutral.
/// </summary>
public sealed record SentimentEvaluationReport
{
    public required int N { get; init; }

    public required double Accuracy { get; init; }

    /// <summary>Mean F1 over the labels present in the gold data.</summary>
    public required double MacroF1 { get; init; }

    /// <summary>The class that matters for triage: a missed negative is an angry customer in the normal queue.</summary>
    public required ClassScores Negative { get; init; }

    /// <summary>Gold wire label → predicted wire label → count.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Confusion { get; init; }

    public required double TextsPerSecond { get; init; }
}
