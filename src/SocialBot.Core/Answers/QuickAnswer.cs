namespace SocialBot.Core.Answers;

/// <summary>A confident answer: the entry, its score, the runner-up, and the answer variant chosen for this mention.</summary>
public sealed record QuickAnswer
{
    public required string EntryId { get; init; }

    public required double Score { get; init; }

    public AnswerCandidate? RunnerUp { get; init; }

    public required string Text { get; init; }
}
