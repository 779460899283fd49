using System.Globalization;
using SocialBot.Core.Embeddings;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Sentiment.Hybrid;

namespace SocialBot.Models.Sentiment;

/// <summary>
/// Lexicon first, the trained hybrid head for the rest: a text the embedded analyzer is sure about (a strong compound,
/// no customer-care cue) is decided by it without touching the model; every other text is embedded and scored by
/// <see cref="HybridHead"/> over the embedding and the lexicon's features. The score of a hybrid verdict is
/// P(positive) - P(negative). The first cues are one per stage (<c>stage lexicon: …</c>, <c>stage hybrid: …</c>) so the
/// trace shows each stage's label and score. Thread-safe.
/// </summary>
public sealed class HybridSentimentAnalyzer : ISentimentAnalyzer
{
    public const string AnalyzerName = "hybrid";

    private readonly ITextEmbedder _embedder;
    private readonly HybridHead _head;
    private readonly EmbeddedSentimentAnalyzer _lexicon;
    private readonly double _lexiconSure;
    private long _lexiconDecided;
    private long _hybridDecided;

    /// <param name="embedder">The shared sentence embedder (loaded on the first text the lexicon is unsure about).</param>
    /// <param name="head">The trained head.</param>
    /// <param name="lexicon">The embedded analyzer (fast path and features).</param>
    /// <param name="lexiconSure">Overrides the head's fast-path bound; above 1 sends every text to the head.</param>
    public HybridSentimentAnalyzer(ITextEmbedder embedder, HybridHead head, EmbeddedSentimentAnalyzer lexicon, double? lexiconSure = null)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(lexicon);
        if (embedder.Dimensions != head.EmbeddingDimensions)
        {
            throw new InvalidDataException($"The hybrid head expects {head.EmbeddingDimensions}-d embeddings; the embedder gives {embedder.Dimensions}.");
        }

        _embedder = embedder;
        _head = head;
        _lexicon = lexicon;
        _lexiconSure = lexiconSure ?? head.LexiconSure;
    }

    public string Name => AnalyzerName;

    /// <summary>Texts decided by the lexicon fast path and by the head since start.</summary>
    public (long Lexicon, long Hybrid) Decided => (Interlocked.Read(ref _lexiconDecided), Interlocked.Read(ref _hybridDecided));

    public async Task<SentimentResult> AnalyzeAsync(string text, CancellationToken cancellationToken = default) =>
        (await AnalyzeBatchAsync([text], cancellationToken))[0];

    public Task<IReadOnlyList<SentimentResult>> AnalyzeBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var results = new SentimentResult[texts.Count];
        var signals = new LexiconSignals[texts.Count];
        var unsure = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            signals[i] = LexiconFeatures.Extract(_lexicon, texts[i]);
            var lexicon = signals[i].Result;
            if (HybridTrainer.IsSure(lexicon, _lexiconSure))
            {
                results[i] = lexicon with { Cues = [Stage("lexicon", lexicon.Label, lexicon.Score, "sure"), .. lexicon.Cues] };
            }
            else
            {
                unsure.Add(i);
            }
        }

        Interlocked.Add(ref _lexiconDecided, texts.Count - unsure.Count);
        if (unsure.Count > 0)
        {
            var vectors = _embedder.Embed([.. unsure.Select(i => texts[i])], cancellationToken);
            for (var k = 0; k < unsure.Count; k++)
            {
                var i = unsure[k];
                var p = _head.Probabilities(vectors[k], signals[i].Features);
                var label = _head.Decide(p);
                var score = Math.Round(p[2] - p[0], 4);
                var lexicon = signals[i].Result;
                results[i] = new SentimentResult
                {
                    Label = label,
                    Score = score,
                    Analyzer = AnalyzerName,
                    Cues =
                    [
                        Stage("lexicon", lexicon.Label, lexicon.Score, "unsure"),
                        Stage("hybrid", label, score, string.Create(CultureInfo.InvariantCulture, $"P negative {p[0]:0.00}, neutral {p[1]:0.00}, positive {p[2]:0.00}")),
                        .. lexicon.Cues,
                    ],
                };
            }

            Interlocked.Add(ref _hybridDecided, unsure.Count);
        }

        return Task.FromResult<IReadOnlyList<SentimentResult>>(results);
    }

    private static string Stage(string stage, SentimentLabel label, double score, string note) =>
        string.Create(CultureInfo.InvariantCulture, $"stage {stage}: {label.ToString().ToLowerInvariant()} {score:+0.00;-0.00;0.00} ({note})");
}
