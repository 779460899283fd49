namespace SocialBot.Azure.Language;

internal sealed record SentimentDocument(string Id, string? Sentiment, ConfidenceScores? ConfidenceScores, IReadOnlyList<DocumentWarning>? Warnings);
