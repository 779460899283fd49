namespace SocialBot.Core.Answers;

/// <summary>How sure a matcher must be. Scores are in 0..1 for both matchers.</summary>
public sealed class AnswerThresholdOptions
{
    /// <summary>The best entry's score must reach this.</summary>
    public double MinScore { get; set; }

    /// <summary>The best entry must beat the runner-up by at least this much.</summary>
    public double MinMargin { get; set; }

    /// <summary>The stricter score a negative mention needs ("answer only if clearly relevant").</summary>
    public double NegativeMinScore { get; set; }

    /// <summary>Calibrated on tests/SocialBot.Core.Tests/Answers/Data/answers-dev.tsv (docs/configuration.md).</summary>
    public static AnswerThresholdOptions LexicalDefaults() => new() { MinScore = 0.62, MinMargin = 0.1, NegativeMinScore = 0.7 };

    /// <summary>Starting points for a MiniLM-class model; re-run <c>socialbot eval answers</c> with the model to confirm.</summary>
    public static AnswerThresholdOptions SemanticDefaults() => new() { MinScore = 0.72, MinMargin = 0.05, NegativeMinScore = 0.82 };
}
