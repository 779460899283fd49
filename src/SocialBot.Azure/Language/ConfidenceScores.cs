namespace SocialBot.Azure.Language;

internal sealed record ConfidenceScores(double Positive, double Neutral, double Negative);
