namespace SocialBot.Core.Answers.Evaluation;

/// <summary>One row of an answers development set: the entry that should answer the text, or null when none should.</summary>
public sealed record AnswerExample(string? AnswerId, string Text, int Line);
