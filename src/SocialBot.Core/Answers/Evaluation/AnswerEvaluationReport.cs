namespace SocialBot.Core.Answers.Evaluation;

/// <summary>
/// The figures of <c>socialbot eval answers</c>: precision of the answers given, recall over the answerable rows, and
/// the share of should-not rows that were answered anyway.
/// </summary>
public sealed record AnswerEvaluationReport
{
    public required int N { get; init; }

    public required string Matcher { get; init; }

    public required int Answerable { get; init; }

    public required int ShouldNotAnswer { get; init; }

    public required int Answered { get; init; }

    public required int Correct { get; init; }

    /// <summary>Answerable rows answered with another entry.</summary>
    public required int WrongEntry { get; init; }

    /// <summary>Should-not rows that got an answer.</summary>
    public required int WronglyAnswered { get; init; }

    /// <summary>Correct / answered.</summary>
    public required double Precision { get; init; }

    /// <summary>Correct / answerable.</summary>
    public required double Recall { get; init; }

    /// <summary>Wrongly answered / should-not rows.</summary>
    public required double WronglyAnsweredRate { get; init; }

    /// <summary>Average matching time per mention (sentiment excluded).</summary>
    public required double MicrosecondsPerMention { get; init; }

    public required IReadOnlyList<AnswerMistake> Mistakes { get; init; }
}
