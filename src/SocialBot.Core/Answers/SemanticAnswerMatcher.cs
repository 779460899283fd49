using SocialBot.Core.Embeddings;

namespace SocialBot.Core.Answers;

/// <summary>
/// The matcher used when a sentence embedder is registered: cosine similarity between the text and each example
/// question (vectors are unit length, so a dot product), clamped to 0..1. The questions are embedded once, on first use,
/// with the process's one embedder (the sentiment model's; never a second copy).
/// </summary>
public sealed class SemanticAnswerMatcher : IAnswerMatcher
{
    private readonly AnswerKnowledge _knowledge;
    private readonly ITextEmbedder _embedder;
    private readonly Lazy<(int Entry, float[] Vector)[]> _questions;

    public SemanticAnswerMatcher(AnswerKnowledge knowledge, ITextEmbedder embedder, AnswerThresholdOptions thresholds)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(thresholds);
        _knowledge = knowledge;
        _embedder = embedder;
        Thresholds = thresholds;
        _questions = new Lazy<(int, float[])[]>(EmbedQuestions, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Name => "semantic";

    public AnswerThresholdOptions Thresholds { get; }

    public IReadOnlyList<double> Score(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scores = new double[_knowledge.Entries.Count];
        if (scores.Length == 0)
        {
            return scores;
        }

        var questions = _questions.Value;
        var vector = _embedder.Embed([text], cancellationToken)[0];
        foreach (var (entry, question) in questions)
        {
            var similarity = Math.Clamp(Dot(vector, question), 0, 1);
            if (similarity > scores[entry])
            {
                scores[entry] = similarity;
            }
        }

        return scores;
    }

    private (int Entry, float[] Vector)[] EmbedQuestions()
    {
        var owners = new List<int>();
        var texts = new List<string>();
        for (var e = 0; e < _knowledge.Entries.Count; e++)
        {
            foreach (var question in _knowledge.Entries[e].Questions)
            {
                owners.Add(e);
                texts.Add(question);
            }
        }

        var vectors = _embedder.Embed(texts);
        if (vectors.Count != texts.Count)
        {
            throw new InvalidOperationException($"The embedder returned {vectors.Count} vectors for {texts.Count} questions.");
        }

        return owners.Select((entry, i) => (entry, vectors[i])).ToArray();
    }

    private static double Dot(float[] a, float[] b)
    {
        var length = Math.Min(a.Length, b.Length);
        var sum = 0.0;
        for (var i = 0; i < length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
