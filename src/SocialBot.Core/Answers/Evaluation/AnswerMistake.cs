namespace SocialBot.Core.Answers.Evaluation;

/// <summary>A row the matcher got wrong: what was expected, what was given, and the best entry with its score.</summary>
public sealed record AnswerMistake(int Line, string? Expected, string? Given, string? Best, double BestScore, bool Negative, string Text);
