namespace SocialBot.Inbox.Api;

public sealed record SentimentView(string Label, double Score, string Analyzer, IReadOnlyList<string> Cues);
