namespace SocialBot.Core.Triage;

/// <summary>A quick answer given in the reply: the knowledge-list entry and how sure the matcher was.</summary>
public sealed record AnswerDraft(string EntryId, double Score);
