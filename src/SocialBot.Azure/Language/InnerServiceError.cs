namespace SocialBot.Azure.Language;

internal sealed record InnerServiceError(string? Code, string? Message);
