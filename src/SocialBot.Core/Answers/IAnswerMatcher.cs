namespace SocialBot.Core.Answers;

/// <summary>Scores a text against every example question of the knowledge list; an entry's score is its best question's.</summary>
public interface IAnswerMatcher
{
    /// <summary><c>lexical</c> (BM25) or <c>semantic</c> (sentence embeddings); shown in traces.</summary>
    string Name { get; }

    /// <summary>The thresholds calibrated for this matcher's scores.</summary>
    AnswerThresholdOptions Thresholds { get; }

    /// <summary>One score in 0..1 per entry of <see cref="AnswerKnowledge.Entries"/>, in the same order.</summary>
    IReadOnlyList<double> Score(string text, CancellationToken cancellationToken = default);
}
