namespace SocialBot.Azure.Language;

internal sealed record ServiceError(string? Code, string? Message, InnerServiceError? Innererror);
