namespace SocialBot.Core.Sentiment.Evaluation;

/// <summary>One row of an evaluation set: the gold label and the text.</summary>
public sealed record LabeledText
{
    public required SentimentLabel Label { get; init; }

    public required string Text { get; init; }
}
