namespace SocialBot.Core.Sentiment;

/// <summary>
/// Offline sentiment: the VADER rules (Hutto and Gilbert, ICWSM 2014) over the VADER lexicon, plus customer-care cues
/// (<see cref="CustomerCareCues"/>) for complaints written without negative words. No network, no model file; the
/// lexicons load once per process. Thread-safe: per-call scratch buffers are per thread.
/// </summary>
/// <remarks>
/// Labels: negative when the compound score is at most -0.05, positive when at least +0.05, otherwise neutral, except
/// that a text whose positive and negative proportions are both at least <see cref="MixedProportion"/> while the
/// compound stays in the neutral band is <see cref="SentimentLabel.Mixed"/> (strong feelings that cancel out are not
/// indifference).
/// </remarks>
public sealed class EmbeddedSentimentAnalyzer : ISentimentAnalyzer
{
    /// <summary>Compound threshold for a positive or negative label (the VADER convention).</summary>
    public const double LabelThreshold = 0.05;

    /// <summary>Minimum positive and negative proportion for a neutral-band text to be called mixed.</summary>
    public const double MixedProportion = 0.25;

    /// <summary>At most this many cues are reported (care cues first, then lexicon hits).</summary>
    public const int MaxCues = 8;

    /// <summary>Lexicon words weaker than this are not worth a line in the trace.</summary>
    private const double NotableValence = 0.5;

    [ThreadStatic]
    private static Scratch? _scratch;

    private readonly SentimentLexicon _lexicon = SentimentLexicon.Shared;

    public string Name => "embedded";

    public Task<SentimentResult> AnalyzeAsync(string text, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Analyze(text));
    }

    public Task<IReadOnlyList<SentimentResult>> AnalyzeBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var results = new SentimentResult[texts.Count];
        for (var i = 0; i < results.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results[i] = Analyze(texts[i]);
        }

        return Task.FromResult<IReadOnlyList<SentimentResult>>(results);
    }

    /// <summary>Scores one text synchronously.</summary>
    public SentimentResult Analyze(string text)
    {
        var breakdown = Score(text, out var cues);
        return new SentimentResult
        {
            Label = breakdown.Label,
            Score = breakdown.Compound,
            Analyzer = Name,
            Cues = cues,
        };
    }

    /// <summary>The full VADER breakdown: compound and the positive, negative and neutral proportions.</summary>
    internal SentimentBreakdown Score(string text, out string[] cues)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scratch = _scratch ??= new Scratch();
        var prepared = SentimentTokenizer.DescribeEmoji(text, _lexicon);
        var count = SentimentTokenizer.Tokenize(prepared, _lexicon, ref scratch.Tokens);
        if (count == 0)
        {
            cues = [];
            return default;
        }

        if (scratch.Items.Length < count * 2 + 4)
        {
            scratch.Items = new double[count * 4];
        }

        var tokens = scratch.Tokens.AsSpan(0, count);
        var items = scratch.Items.AsSpan();
        ScoreWords(prepared, tokens, items);
        var but = ApplyBut(tokens, items);

        var found = scratch.Cues;
        found.Clear();
        var itemCount = CustomerCareCues.Apply(prepared, tokens, items, but, found);
        AddLexiconCues(tokens, items, found);
        cues = found.Count == 0 ? [] : new string[Math.Min(found.Count, MaxCues)];
        found.CopyTo(0, cues, 0, cues.Length);
        return Combine(items[..itemCount], PunctuationEmphasis(prepared));
    }

    private static void ScoreWords(string text, ReadOnlySpan<Token> tokens, Span<double> items)
    {
        var upper = 0;
        foreach (ref readonly var token in tokens)
        {
            upper += token.IsUpper ? 1 : 0;
        }

        // ALL-CAPS only means emphasis when the rest of the text is not shouting too.
        var capsDiffer = upper > 0 && upper < tokens.Length;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var isKindOf = token.Is(VaderWord.Kind) && i + 1 < tokens.Length && tokens[i + 1].Is(VaderWord.Of);
            items[i] = token.Traits.Booster != 0 || isKindOf || token.Entry is null ? 0 : WordValence(text, tokens, i, capsDiffer);
        }
    }

    /// <summary>The valence of one lexicon word after the VADER modifiers that look back up to three words.</summary>
    private static double WordValence(string text, ReadOnlySpan<Token> tokens, int i, bool capsDiffer)
    {
        var token = tokens[i];
        var baseValence = token.Entry!.Valence;
        var valence = baseValence;

        // "no" before another sentiment word is a determiner, not a sentiment ("no problem").
        if (token.Is(VaderWord.No) && i + 1 < tokens.Length && tokens[i + 1].Entry is not null)
        {
            valence = 0;
        }

        if ((i > 0 && tokens[i - 1].Is(VaderWord.No)) || (i > 1 && tokens[i - 2].Is(VaderWord.No))
            || (i > 2 && tokens[i - 3].Is(VaderWord.No) && tokens[i - 1].Is(VaderWord.OrNor)))
        {
            valence = baseValence * VaderRules.NegationScalar;
        }

        if (token.IsUpper && capsDiffer)
        {
            valence += valence > 0 ? VaderRules.CapsIncrement : -VaderRules.CapsIncrement;
        }

        for (var back = 0; back < 3; back++)
        {
            if (i <= back || tokens[i - back - 1].Entry is not null)
            {
                continue;
            }

            // A booster further away counts a little less: 95 % two words back, 90 % three words back.
            var scalar = BoosterScalar(tokens[i - back - 1], valence, capsDiffer);
            scalar *= back switch
            {
                1 => 0.95,
                2 => 0.9,
                _ => 1,
            };
            valence = Negate(tokens, i, back, valence + scalar);
            if (back == 2)
            {
                valence = ApplyIdioms(text, tokens, i, valence);
            }
        }

        return ApplyLeast(tokens, i, valence);
    }

    private static double BoosterScalar(Token word, double valence, bool capsDiffer)
    {
        var scalar = word.Traits.Booster;
        if (scalar == 0)
        {
            return 0;
        }

        if (valence < 0)
        {
            scalar = -scalar;
        }

        if (word.IsUpper && capsDiffer)
        {
            scalar += valence > 0 ? VaderRules.CapsIncrement : -VaderRules.CapsIncrement;
        }

        return scalar;
    }

    /// <summary>
    /// Negation within three words flips and shrinks the valence; "never so/this" intensifies instead, and "without
    /// doubt" is not a negation.
    /// </summary>
    private static double Negate(ReadOnlySpan<Token> tokens, int i, int back, double valence)
    {
        var negator = tokens[i - back - 1];
        if (back > 0 && negator.Is(VaderWord.Never) && (tokens[i - 1].Is(VaderWord.SoOrThis) || (back == 2 && tokens[i - 2].Is(VaderWord.SoOrThis))))
        {
            return valence * 1.25;
        }

        if (back > 0 && negator.Is(VaderWord.Without) && (tokens[i - 1].Is(VaderWord.Doubt) || (back == 2 && tokens[i - 2].Is(VaderWord.Doubt))))
        {
            return valence;
        }

        return negator.IsNegation ? valence * VaderRules.NegationScalar : valence;
    }

    /// <summary>Idioms around the word replace its valence; "kind of", "sort of", "just enough" before it dampen.</summary>
    private static double ApplyIdioms(string text, ReadOnlySpan<Token> tokens, int i, double valence)
    {
        ReadOnlySpan<(int Start, int Length)> around = [(i - 1, 2), (i - 2, 3), (i - 2, 2), (i - 3, 3), (i - 3, 2)];
        foreach (var (start, length) in around)
        {
            if (FindIdiom(text, tokens, start, length) is { } idiom)
            {
                valence = idiom;
                break;
            }
        }

        if (i + 1 < tokens.Length && FindIdiom(text, tokens, i, 2) is { } after)
        {
            valence = after;
        }

        if (i + 2 < tokens.Length && FindIdiom(text, tokens, i, 3) is { } afterTwo)
        {
            valence = afterTwo;
        }

        foreach (var phrase in VaderRules.DampenerPhrases)
        {
            if (Matches(text, tokens, i - 3, phrase) || Matches(text, tokens, i - 2, phrase))
            {
                valence += VaderRules.BoosterDecrement;
            }
        }

        return valence;
    }

    private static double? FindIdiom(string text, ReadOnlySpan<Token> tokens, int start, int length)
    {
        foreach (var (words, valence) in VaderRules.Idioms)
        {
            if (words.Length == length && Matches(text, tokens, start, words))
            {
                return valence;
            }
        }

        return null;
    }

    private static bool Matches(string text, ReadOnlySpan<Token> tokens, int start, string[] words)
    {
        if (start < 0 || start + words.Length > tokens.Length)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            var token = tokens[start + k];
            if (!text.AsSpan(token.Start, token.Length).Equals(words[k], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"least" before a word negates it, except in "at least" and "very least".</summary>
    private static double ApplyLeast(ReadOnlySpan<Token> tokens, int i, double valence)
    {
        if (i > 0 && tokens[i - 1].Entry is null && tokens[i - 1].Is(VaderWord.Least) && (i == 1 || !tokens[i - 2].Is(VaderWord.AtOrVery)))
        {
            return valence * VaderRules.NegationScalar;
        }

        return valence;
    }

    /// <summary>Contrastive "but": the words before the first "but" count half, the words after it one and a half times.</summary>
    /// <returns>The index of the first "but", or -1.</returns>
    private static int ApplyBut(ReadOnlySpan<Token> tokens, Span<double> items)
    {
        var but = -1;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Is(VaderWord.But))
            {
                but = i;
                break;
            }
        }

        for (var i = 0; but >= 0 && i < tokens.Length; i++)
        {
            items[i] *= ButWeight(i, but);
        }

        return but;
    }

    /// <summary>The "but" weight of the item at <paramref name="index"/> (1 when there is no "but").</summary>
    internal static double ButWeight(int index, int but) =>
        but < 0 || index == but ? 1 : index < but ? VaderRules.BeforeBut : VaderRules.AfterBut;

    /// <summary>Exclamation marks (up to four) and question marks (two or more) add intensity to whatever the text says.</summary>
    private static double PunctuationEmphasis(string text)
    {
        var exclamations = text.AsSpan().Count('!');
        var questions = text.AsSpan().Count('?');
        var emphasis = Math.Min(exclamations, 4) * VaderRules.ExclamationIncrement;
        if (questions > 1)
        {
            emphasis += questions <= 3 ? questions * VaderRules.QuestionIncrement : VaderRules.QuestionCap;
        }

        return emphasis;
    }

    private static SentimentBreakdown Combine(ReadOnlySpan<double> items, double emphasis)
    {
        double sum = 0;
        double positive = 0;
        double negative = 0;
        var neutral = 0;
        foreach (var item in items)
        {
            sum += item;

            // Each sentiment item also counts as one "word" of its polarity, so the proportions compare with neutrals.
            if (item > 0)
            {
                positive += item + 1;
            }
            else if (item < 0)
            {
                negative += item - 1;
            }
            else
            {
                neutral++;
            }
        }

        sum += sum > 0 ? emphasis : sum < 0 ? -emphasis : 0;
        var compound = Math.Clamp(sum / Math.Sqrt(sum * sum + VaderRules.NormalisationAlpha), -1, 1);
        if (positive > -negative)
        {
            positive += emphasis;
        }
        else if (positive < -negative)
        {
            negative -= emphasis;
        }

        var total = positive - negative + neutral;
        if (total == 0)
        {
            return default;
        }

        return new SentimentBreakdown(compound, positive / total, -negative / total, neutral / total);
    }

    private static void AddLexiconCues(ReadOnlySpan<Token> tokens, ReadOnlySpan<double> items, List<string> cues)
    {
        for (var i = 0; i < tokens.Length && cues.Count < MaxCues; i++)
        {
            if (tokens[i].Entry is { } entry && items[i] != 0 && Math.Abs(entry.Valence) >= NotableValence)
            {
                cues.Add(entry.Cue);
            }
        }
    }

    private sealed class Scratch
    {
        public Token[] Tokens = new Token[64];
        public double[] Items = new double[256];
        public readonly List<string> Cues = new(MaxCues * 2);
    }
}
