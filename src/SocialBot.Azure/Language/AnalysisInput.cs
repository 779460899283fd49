namespace SocialBot.Azure.Language;

internal sealed record AnalysisInput(IReadOnlyList<TextDocument> Documents);
