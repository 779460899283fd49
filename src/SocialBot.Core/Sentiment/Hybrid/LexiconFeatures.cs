namespace SocialBot.Core.Sentiment.Hybrid;

/// <summary>
/// What the lexicon analyzer knows about a text, as numbers for a trained classifier: the VADER compound and
/// proportions, its label, a count per customer-care cue family, negation and contrast words, and punctuation and
/// capitals intensity. Raw values; the head standardises them.
/// </summary>
public static class LexiconFeatures
{
    /// <summary>Feature names, in vector order (written beside trained weights so a mismatch is caught on load).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "compound", "positive", "negative", "neutral",
        "label_negative", "label_positive", "label_mixed",
        "cue_waiting", "cue_failure", "cue_question", "cue_warning", "cue_sarcasm",
        "negations", "contrast", "exclamations", "questions", "caps_ratio", "log_tokens",
    ];

    private static readonly string[] Families =
        [CareCueFamilies.Waiting, CareCueFamilies.Failure, CareCueFamilies.Question, CareCueFamilies.Warning, CareCueFamilies.Sarcasm];

    private static readonly string[] ContrastWords = ["but", "however", "although", "though", "yet"];

    [ThreadStatic]
    private static Token[]? _tokens;

    /// <summary>Scores <paramref name="text"/> with <paramref name="analyzer"/> and returns its verdict with the features.</summary>
    public static LexiconSignals Extract(EmbeddedSentimentAnalyzer analyzer, string text)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(text);
        var breakdown = analyzer.Score(text, out var cues);
        var result = new SentimentResult { Label = breakdown.Label, Score = breakdown.Compound, Analyzer = analyzer.Name, Cues = cues };
        var features = new float[Names.Count];
        features[0] = (float)breakdown.Compound;
        features[1] = (float)breakdown.Positive;
        features[2] = (float)breakdown.Negative;
        features[3] = (float)breakdown.Neutral;
        features[4] = breakdown.Label == SentimentLabel.Negative ? 1 : 0;
        features[5] = breakdown.Label == SentimentLabel.Positive ? 1 : 0;
        features[6] = breakdown.Label == SentimentLabel.Mixed ? 1 : 0;
        foreach (var cue in cues)
        {
            var family = Array.FindIndex(Families, f => cue.StartsWith(f + ":", StringComparison.Ordinal));
            if (family >= 0)
            {
                features[7 + family]++;
            }
        }

        var lexicon = SentimentLexicon.Shared;
        var tokens = _tokens ??= new Token[64];
        var prepared = SentimentTokenizer.DescribeEmoji(text, lexicon);
        var count = SentimentTokenizer.Tokenize(prepared, lexicon, ref tokens);
        _tokens = tokens;
        var upper = 0;
        for (var i = 0; i < count; i++)
        {
            features[12] += tokens[i].IsNegation ? 1 : 0;
            upper += tokens[i].IsUpper ? 1 : 0;
            var word = prepared.AsSpan(tokens[i].Start, tokens[i].Length);
            foreach (var contrast in ContrastWords)
            {
                if (word.Equals(contrast, StringComparison.OrdinalIgnoreCase))
                {
                    features[13] = 1;
                }
            }
        }

        features[14] = Math.Min(text.AsSpan().Count('!'), 4);
        features[15] = Math.Min(text.AsSpan().Count('?'), 4);
        features[16] = count == 0 ? 0 : (float)upper / count;
        features[17] = (float)Math.Log(1 + count);
        return new LexiconSignals(result, features);
    }
}
