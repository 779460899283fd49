namespace SocialBot.Core.Sentiment;

public static class SentimentLabels
{
    /// <summary>The wire name: <c>negative</c>, <c>neutral</c>, <c>positive</c> or <c>mixed</c>.</summary>
    public static string ToWire(this SentimentLabel label) => label switch
    {
        SentimentLabel.Negative => "negative",
        SentimentLabel.Positive => "positive",
        SentimentLabel.Mixed => "mixed",
        _ => "neutral",
    };

    public static bool TryParse(string? value, out SentimentLabel label)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "negative":
                label = SentimentLabel.Negative;
                return true;
            case "positive":
                label = SentimentLabel.Positive;
                return true;
            case "neutral":
                label = SentimentLabel.Neutral;
                return true;
            case "mixed":
                label = SentimentLabel.Mixed;
                return true;
            default:
                label = SentimentLabel.Neutral;
                return false;
        }
    }
}
