namespace SocialBot.Azure.Language;

internal sealed record AnalyzeTextRequest(string Kind, SentimentParameters Parameters, AnalysisInput AnalysisInput);
