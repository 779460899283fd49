using System.Collections;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SocialBot.Azure.BotConnector;

/// <summary>
/// Checks the bearer token on an inbound activity, every step of the Bot Connector authentication spec: a bearer
/// token, an RS256 signature by a published key, a trusted issuer, the bot's app id as audience, the lifetime (with
/// 5 minutes of clock skew), the <c>serviceurl</c> claim against the activity's serviceUrl, and the signing key's
/// endorsement of the activity's channel; on Entra-issued tokens, the caller (<c>azp</c>/<c>appid</c>) must be in
/// <see cref="BotOptions.AllowedEntraCallers"/> (empty by default: Entra tokens are refused). The token itself is never logged.
/// </summary>
public sealed class BotTokenValidator
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The tenants Azure Bot Service issues Entra ID tokens from (botframework.com and Microsoft services).</summary>
    public static readonly IReadOnlyList<string> BotFrameworkTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    private const string ServiceUrlClaim = "serviceurl";
    private const string EndorsementsProperty = "endorsements";

    private readonly BotOpenIdMetadata _metadata;
    private readonly TimeProvider _time;
    private readonly ILogger<BotTokenValidator> _logger;
    private readonly string _appId;
    private readonly HashSet<string> _entraIssuers;
    private readonly HashSet<string> _entraCallers;
    private readonly JsonWebTokenHandler _handler = new();

    public BotTokenValidator(IOptions<BotOptions> options, BotOpenIdMetadata metadata, TimeProvider time, ILogger<BotTokenValidator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metadata = metadata;
        _time = time;
        _logger = logger;
        _appId = options.Value.AppId;
        _entraIssuers = BotFrameworkTenants.Append(options.Value.TenantId)
            .Where(tenant => !string.IsNullOrWhiteSpace(tenant))
            .SelectMany(tenant => new[] { $"https://sts.windows.net/{tenant}/", $"https://login.microsoftonline.com/{tenant}/v2.0" })
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        _entraCallers = options.Value.AllowedEntraCallers.Select(id => id.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public async Task<BotAuthenticationResult> ValidateAsync(
        string? authorizationHeader,
        string activityServiceUrl,
        string activityChannelId,
        CancellationToken cancellationToken = default)
    {
        var result = await CheckAsync(authorizationHeader, activityServiceUrl, activityChannelId, cancellationToken);
        if (result.IsAuthenticated)
        {
            BotConnectorLog.TokenAccepted(_logger, result.TokenIssuer!, activityChannelId);
        }
        else
        {
            // The channel id comes from an unauthenticated body: never more than a few dozen characters of it in the log.
            BotConnectorLog.TokenRejected(_logger, result.FailedCheck!, result.StatusCode, activityChannelId);
        }

        return result;
    }

    private async Task<BotAuthenticationResult> CheckAsync(string? header, string serviceUrl, string channelId, CancellationToken cancellationToken)
    {
        if (!TryGetBearerToken(header, out var raw) || !_handler.CanReadToken(raw))
        {
            return BotAuthenticationResult.Unauthorized(BotAuthenticationResult.MissingToken);
        }

        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return BotAuthenticationResult.Unauthorized(BotAuthenticationResult.MissingToken);
        }

        var issuer = token.Issuer;
        var isBotFramework = string.Equals(issuer, BotFrameworkIssuer, StringComparison.OrdinalIgnoreCase);
        if (!isBotFramework && !_entraIssuers.Contains(issuer))
        {
            return BotAuthenticationResult.Unauthorized(BotAuthenticationResult.Issuer);
        }

        var keys = isBotFramework ? _metadata.BotFramework : _metadata.Entra;
        var configuration = await keys.GetAsync(token.Kid, cancellationToken);
        var validation = await _handler.ValidateTokenAsync(raw, SignatureOnly(configuration));
        if (!validation.IsValid)
        {
            return BotAuthenticationResult.Unauthorized(BotAuthenticationResult.BadSignature);
        }

        var now = _time.GetUtcNow().UtcDateTime;
        if (token.ValidTo == DateTime.MinValue || now > token.ValidTo + ClockSkew)
        {
            return BotAuthenticationResult.Unauthorized(BotAuthenticationResult.Expired);
        }

        if (token.ValidFrom != DateTime.MinValue && now + ClockSkew < token.ValidFrom)
        {
            return BotAuthenticationResult.Unauthorized(BotAuthenticationResult.NotYetValid);
        }

        if (!token.Audiences.Any(audience => string.Equals(audience, _appId, StringComparison.OrdinalIgnoreCase)))
        {
            return BotAuthenticationResult.Forbidden(BotAuthenticationResult.Audience);
        }

        // An Entra token proves only that some app in a trusted tenant asked for it: the caller must be on the allow-list.
        if (!isBotFramework && !IsAllowedEntraCaller(token))
        {
            return BotAuthenticationResult.Forbidden(BotAuthenticationResult.Caller);
        }

        var hasServiceUrl = token.TryGetPayloadValue<string>(ServiceUrlClaim, out var claimedServiceUrl);
        if ((isBotFramework || hasServiceUrl) && !SameServiceUrl(claimedServiceUrl, serviceUrl))
        {
            return BotAuthenticationResult.Forbidden(BotAuthenticationResult.ServiceUrl);
        }

        var signingKeyId = (validation.SecurityToken as JsonWebToken)?.SigningKey?.KeyId ?? token.Kid;
        var endorsements = ReadEndorsements(FindKey(configuration, signingKeyId));
        if ((isBotFramework || endorsements is not null)
            && !(endorsements ?? []).Contains(channelId, StringComparer.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Forbidden(BotAuthenticationResult.Endorsement);
        }

        return BotAuthenticationResult.Success(issuer);
    }

    private bool IsAllowedEntraCaller(JsonWebToken token)
    {
        var caller = token.TryGetPayloadValue<string>("azp", out var azp) && !string.IsNullOrWhiteSpace(azp)
            ? azp
            : token.TryGetPayloadValue<string>("appid", out var appId) ? appId : null;
        return caller is not null && _entraCallers.Contains(caller);
    }

    private static TokenValidationParameters SignatureOnly(OpenIdConnectConfiguration configuration) => new()
    {
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        TryAllIssuerSigningKeys = true,
        ValidateIssuer = false,
        ValidateAudience = false,
        ValidateLifetime = false,
        RequireExpirationTime = false,
        ValidateIssuerSigningKey = false,
    };

    private static bool TryGetBearerToken(string? header, out string token)
    {
        token = string.Empty;
        const string Scheme = "Bearer ";
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = header[Scheme.Length..].Trim();
        return token.Length > 0;
    }

    private static bool SameServiceUrl(string? claimed, string activity) =>
        claimed is not null && string.Equals(claimed.TrimEnd('/'), activity.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static JsonWebKey? FindKey(OpenIdConnectConfiguration configuration, string? keyId) =>
        keyId is null
            ? null
            : configuration.JsonWebKeySet?.Keys.FirstOrDefault(key => string.Equals(key.Kid, keyId, StringComparison.Ordinal));

    private static List<string>? ReadEndorsements(JsonWebKey? key)
    {
        if (key is null || !key.AdditionalData.TryGetValue(EndorsementsProperty, out var value) || value is null)
        {
            return null;
        }

        return value switch
        {
            string single => [single],
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(item => item.ValueKind == JsonValueKind.String)
                .Select(item => item.GetString()!)
                .ToList(),
            IEnumerable items => items.Cast<object?>().Select(item => item?.ToString()).OfType<string>().ToList(),
            _ => [],
        };
    }
}
