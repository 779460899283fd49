namespace SocialBot.Core.Sentiment;

/// <summary>The VADER scores of one text: compound (-1..1) and the positive, negative and neutral proportions (sum 1).</summary>
internal readonly record struct SentimentBreakdown(double Compound, double Positive, double Negative, double Neutral)
{
    public SentimentLabel Label =>
        Compound >= EmbeddedSentimentAnalyzer.LabelThreshold ? SentimentLabel.Positive
        : Compound <= -EmbeddedSentimentAnalyzer.LabelThreshold ? SentimentLabel.Negative
        : Positive >= EmbeddedSentimentAnalyzer.MixedProportion && Negative >= EmbeddedSentimentAnalyzer.MixedProportion ? SentimentLabel.Mixed
        : SentimentLabel.Neutral;
}
