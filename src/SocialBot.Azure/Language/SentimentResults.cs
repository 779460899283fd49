namespace SocialBot.Azure.Language;

internal sealed record SentimentResults(IReadOnlyList<SentimentDocument>? Documents, IReadOnlyList<DocumentError>? Errors, string? ModelVersion);
