namespace SocialBot.Azure.Language;

internal sealed record AnalyzeTextResponse(string? Kind, SentimentResults? Results);
