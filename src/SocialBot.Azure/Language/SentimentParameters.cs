namespace SocialBot.Azure.Language;

internal sealed record SentimentParameters(string ModelVersion, bool OpinionMining, string StringIndexType);
