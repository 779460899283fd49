namespace SocialBot.Azure.BotConnector;

/// <summary>
/// The outcome of checking an inbound request's bearer token: success, or the HTTP status to answer (401 for a
/// missing or untrustworthy token, 403 for a valid token that is not meant for this bot, activity or channel) and
/// the name of the check that failed.
/// </summary>
public sealed record BotAuthenticationResult
{
    public const string MissingToken = "missing-token";
    public const string BadSignature = "bad-signature";
    public const string Issuer = "issuer";
    public const string Audience = "audience";
    public const string Expired = "expired";
    public const string NotYetValid = "not-yet-valid";
    public const string ServiceUrl = "service-url";
    public const string Endorsement = "endorsement";
    public const string Caller = "caller";
    public const string ServiceUrlNotAllowed = "service-url-not-allowed";

    private BotAuthenticationResult(int statusCode, string? failedCheck, string? issuer)
    {
        StatusCode = statusCode;
        FailedCheck = failedCheck;
        TokenIssuer = issuer;
    }

    public bool IsAuthenticated => FailedCheck is null;

    /// <summary>200 when authenticated, otherwise 401 or 403.</summary>
    public int StatusCode { get; }

    /// <summary>The failed check, one of the constants above; null when authenticated.</summary>
    public string? FailedCheck { get; }

    /// <summary>The issuer of the accepted token.</summary>
    public string? TokenIssuer { get; }

    public static BotAuthenticationResult Success(string issuer) => new(200, null, issuer);

    public static BotAuthenticationResult Unauthorized(string check) => new(401, check, null);

    public static BotAuthenticationResult Forbidden(string check) => new(403, check, null);
}
