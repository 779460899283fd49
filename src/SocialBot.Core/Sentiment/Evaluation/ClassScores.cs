namespace SocialBot.Core.Sentiment.Evaluation;

/// <summary>Precision, recall and F1 of one class (0 when undefined).</summary>
public sealed record ClassScores
{
    public required double Precision { get; init; }

    public required double Recall { get; init; }

    public required double F1 { get; init; }
}
