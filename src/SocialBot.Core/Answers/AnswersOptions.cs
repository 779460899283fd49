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

    /// <summary>
    /// <c>lexical</c> (default: BM25 over the example questions, calibrated on samples/answers-dev.tsv) or
    /// <c>semantic</c> (the process's sentence embedder, when one is registered; its thresholds are not yet calibrated
    /// against the real model, so it is opt-in).
    /// </summary>
    public string Matcher { get; set; } = "lexical";

    /// <summary>Thresholds of the BM25 matcher, used when no sentence embedder is registered.</summary>
    public AnswerThresholdOptions Lexical { get; set; } = AnswerThresholdOptions.LexicalDefaults();

    /// <summary>Thresholds of the embedding matcher (cosine similarity), used when a sentence embedder is registered.</summary>
    public AnswerThresholdOptions Semantic { get; set; } = AnswerThresholdOptions.SemanticDefaults();

    public IList<AnswerEntryOptions> Entries { get; } = [];
}
