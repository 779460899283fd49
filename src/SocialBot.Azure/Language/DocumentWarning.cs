namespace SocialBot.Azure.Language;

internal sealed record DocumentWarning(string? Code, string? Message);
