namespace SocialBot.Azure.Language;

internal sealed record ErrorResponse(ServiceError? Error);
