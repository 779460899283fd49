namespace SocialBot.Core.Answers;

/// <summary>
/// What the knowledge list says about one mention: the eligible entries ranked by score, and the answer to give when
/// the match is confident (<see cref="Answer"/>), else null with the reason in <see cref="Trace"/>.
/// </summary>
public sealed record AnswerLookup
{
    /// <summary><c>lexical</c> or <c>semantic</c>.</summary>
    public required string Matcher { get; init; }

    /// <summary>Entries that apply to the mention (valid now, on its network), best first.</summary>
    public required IReadOnlyList<AnswerCandidate> Ranked { get; init; }

    /// <summary>The confident answer, or null when there is none or the matcher is unsure.</summary>
    public QuickAnswer? Answer { get; init; }

    /// <summary>One line naming the entry, its score and the runner-up, and what was decided.</summary>
    public required string Trace { get; init; }
}
