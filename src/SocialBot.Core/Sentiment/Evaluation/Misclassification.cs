namespace SocialBot.Core.Sentiment.Evaluation;

/// <summary>A row the analyzer got wrong, with its verdict (label, score, deciding analyzer, cues).</summary>
public sealed record Misclassification(string Text, SentimentLabel Gold, SentimentResult Verdict)
{
    /// <summary>
    /// How bad the miss is: a polarity flip (negative read as positive or the reverse) ranks above a miss into or out
    /// of neutral, and within each, the more confident the wrong score the worse.
    /// </summary>
    public double Severity =>
        (Gold is SentimentLabel.Negative && Verdict.Label is SentimentLabel.Positive) || (Gold is SentimentLabel.Positive && Verdict.Label is SentimentLabel.Negative)
            ? 2 + Math.Abs(Verdict.Score)
            : Math.Abs(Verdict.Score) + (Gold is SentimentLabel.Negative ? 1 : 0);
}
