namespace SocialBot.Azure.Language;

internal sealed record DocumentError(string Id, ServiceError? Error);
