namespace SocialBot.Core.Answers;

/// <summary>
/// The offline matcher: BM25 (k1 1.2, b 0.75) over the example questions, each question a document, with inverse
/// document frequencies counted over entries (a term every question of one entry uses is that entry's signature, not a
/// common word). Words that no question uses (names, places) weigh half a term of one entry. A question's
/// confidence is its BM25 score for the text divided by its BM25 score for itself (how much of the question's
/// weighted terms the text covers); the confidence is the geometric mean of that and the share of the text's own
/// weight the question explains, so neither a long post that happens to contain one keyword nor a one-word example
/// question that the text merely contains scores high. Scores are in 0..1.
/// </summary>
public sealed class LexicalAnswerMatcher : IAnswerMatcher
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly AnswerKnowledge _knowledge;
    private readonly List<(int Entry, double Self)> _questions = [];

    /// <summary>For each term, the questions that use it and the term's BM25 weight in each.</summary>
    private readonly Dictionary<string, List<(int Question, double Weight)>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);
    private readonly double _unknownIdf;
    private readonly double _averageLength;

    public LexicalAnswerMatcher(AnswerKnowledge knowledge, AnswerThresholdOptions thresholds)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(thresholds);
        _knowledge = knowledge;
        Thresholds = thresholds;
        var documents = new List<(int Entry, Dictionary<string, int> Counts, int Length)>();
        for (var e = 0; e < knowledge.Entries.Count; e++)
        {
            foreach (var question in knowledge.Entries[e].Questions)
            {
                var terms = AnswerTokenizer.Terms(question);
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var term in terms)
                {
                    counts[term] = counts.GetValueOrDefault(term) + 1;
                }

                documents.Add((e, counts, terms.Count));
            }
        }

        var n = knowledge.Entries.Count;
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in documents.SelectMany(d => d.Counts.Keys.Select(term => (d.Entry, term))).Distinct().Select(pair => pair.term))
        {
            frequencies[term] = frequencies.GetValueOrDefault(term) + 1;
        }

        foreach (var (term, df) in frequencies)
        {
            _idf[term] = Idf(n, df);
        }

        _unknownIdf = Idf(n, 1) / 2;
        _averageLength = documents.Count == 0 ? 1 : Math.Max(1, documents.Average(d => d.Length));
        foreach (var document in documents)
        {
            var self = 0.0;
            foreach (var (term, count) in document.Counts)
            {
                var weight = Weight(term, count, document.Length);
                self += weight;
                if (!_postings.TryGetValue(term, out var postings))
                {
                    _postings[term] = postings = [];
                }

                postings.Add((_questions.Count, weight));
            }

            _questions.Add((document.Entry, self));
        }
    }

    public string Name => "lexical";

    public AnswerThresholdOptions Thresholds { get; }

    public IReadOnlyList<double> Score(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scores = new double[_knowledge.Entries.Count];
        var terms = AnswerTokenizer.Terms(text).Distinct(StringComparer.Ordinal).ToArray();
        if (terms.Length == 0)
        {
            return scores;
        }

        var textWeight = 0.0;
        var matched = new double[_questions.Count];
        var explained = new double[_questions.Count];
        foreach (var term in terms)
        {
            if (!_postings.TryGetValue(term, out var postings))
            {
                textWeight += _unknownIdf;
                continue;
            }

            var idf = _idf[term];
            textWeight += idf;
            foreach (var (question, weight) in postings)
            {
                matched[question] += weight;
                explained[question] += idf;
            }
        }

        for (var q = 0; q < _questions.Count; q++)
        {
            var (entry, self) = _questions[q];
            if (matched[q] > 0 && self > 0)
            {
                var confidence = Math.Sqrt(matched[q] / self * (explained[q] / textWeight));
                scores[entry] = Math.Max(scores[entry], confidence);
            }
        }

        return scores;
    }

    private double Weight(string term, int count, int length) =>
        _idf[term] * count * (K1 + 1) / (count + K1 * (1 - B + B * length / _averageLength));

    private static double Idf(int n, int df) => Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
}
