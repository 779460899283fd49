namespace SocialBot.Core.Sentiment.Hybrid;

/// <summary>The embedded analyzer's verdict on one text and the numeric features a trained head reads from it.</summary>
public sealed record LexiconSignals(SentimentResult Result, float[] Features);
