namespace SocialBot.Core.Answers;

/// <summary>
/// The <c>SocialBot:Answers</c> section: the knowledge list of quick answers (DESIGN.md section 4) and how sure the
/// matcher must be before one is given.
/// </summary>
public sealed class AnswersOptions
{
    public const string SectionName = "SocialBot:Answers";

    /// <summary>Off: no quick answers at all (the knowledge list is ignored).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Send a confident answer at once during staffed hours too (default true); after hours it always goes into the acknowledgement.</summary>
    public bool DuringStaffedHours { get; set; } = true;

    /// <summary>
    /// Hand off answered, non-negative mentions at normal priority with the reason "answered automatically: check"
    /// (default true). Off: an answered question that is not negative gets no handoff. Negative mentions are always handed off as urgent.
    /// </summary>
    public bool HandoffAnsweredQuestions { get; set; } = true;

    /// <summary>
    /// Answer only mentions that ask something (a question mark, or a start such as "what", "do you", "are you"), and
    /// never a "why" question, which asks a person to explain a particular case (default true).
    /// </summary>
    public bool RequireQuestion { get; set; } = true;

    /// <summary>Thresholds of the BM25 matcher, used when no sentence embedder is registered.</summary>
    /// <summary>
    /// <c>lexical</c> (default: BM25 over the example questions, calibrated on samples/answers-dev.tsv) or
    /// <c>semantic</c> (the process's sentence embedder, when one is registered; its thresholds are not yet calibrated
    /// against the real model, so it is opt-in).
    /// </summary>
    public string Matcher { get; set; } = "lexical";

    public AnswerThresholdOptions Lexical { get; set; } = AnswerThresholdOptions.LexicalDefaults();

    /// <summary>Thresholds of the embedding matcher (cosine similarity), used when a sentence embedder is registered.</summary>
    public AnswerThresholdOptions Semantic { get; set; } = AnswerThresholdOptions.SemanticDefaults();

    public IList<AnswerEntryOptions> Entries { get; } = [];
}

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

/// <summary>One entry of the knowledge list.</summary>
public sealed class AnswerEntryOptions
{
    /// <summary>A short stable id (letters, digits, '-', '_'), shown in traces and previews.</summary>
    public string Id { get; set; } = "";

    /// <summary>Example questions: a few phrasings a customer would use.</summary>
    public IList<string> Questions { get; } = [];

    /// <summary>The answer text (short: it must fit the network with the back-at and contacts after hours).</summary>
    public string? Answer { get; set; }

    /// <summary>Optional variants of the answer; one is chosen per mention (deterministically), together with <see cref="Answer"/>.</summary>
    public IList<string> Answers { get; } = [];

    /// <summary>Local date (<c>yyyy-MM-dd</c>) or date and time (<c>yyyy-MM-ddTHH:mm</c>) in the team's zone from which the entry applies.</summary>
    public string? ValidFrom { get; set; }

    /// <summary>Local date (inclusive: the whole day) or date and time (exclusive) in the team's zone until which the entry applies.</summary>
    public string? ValidTo { get; set; }

    /// <summary>Channels the entry applies to (e.g. <c>twitter</c>, <c>facebook</c>); empty or null: every channel.</summary>
    public IList<string>? Networks { get; set; }

    /// <summary>Whether the answer may be given in a public reply (default true); false: private conversations only.</summary>
    public bool Public { get; set; } = true;
}
