namespace SocialBot.Core.Answers;

/// <summary>An entry's score for one text.</summary>
public sealed record AnswerCandidate(string EntryId, double Score);
