namespace SocialBot.Core.Sentiment;

public enum SentimentLabel
{
    Neutral,
    Positive,
    Negative,
    Mixed,
}
