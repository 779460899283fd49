namespace SocialBot.Core.Acknowledgements;

/// <summary>An acknowledgement and how it was fitted: <see cref="Level"/> 0 is the full wording, higher levels are shorter;
/// <see cref="IncludesAnswer"/> says whether a quick answer is in the text.</summary>
public sealed record ComposedAcknowledgement(string Text, int Level, int Length, int MaxLength, string? Topic, bool IncludesAnswer = false);
