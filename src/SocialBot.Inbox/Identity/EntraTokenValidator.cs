using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SocialBot.Azure.BotConnector;

namespace SocialBot.Inbox.Identity;

/// <summary>
/// Validates a Microsoft Entra ID token for the inbox app registration: RS256 signature against the tenant's published
/// keys, issuer (v2.0 or v1 form of the tenant), audience (the client id or <c>api://</c> client id), lifetime (with
/// five minutes of skew, on the injected clock); then reads the identity from its claims: <c>oid</c>,
/// <c>preferred_username</c> (or <c>upn</c>), <c>name</c> and the app <c>roles</c>.
/// </summary>
internal sealed class EntraTokenValidator
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly OpenIdKeySource _keys;
    private readonly TimeProvider _time;
    private readonly HashSet<string> _issuers;
    private readonly HashSet<string> _audiences;
    private readonly JsonWebTokenHandler _handler = new();

    public EntraTokenValidator(InboxOptions options, OpenIdKeySource keys, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = keys;
        _time = time;
        _issuers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            $"https://login.microsoftonline.com/{options.TenantId}/v2.0",
            $"https://sts.windows.net/{options.TenantId}/",
        };
        _audiences = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { options.ClientId!, $"api://{options.ClientId}" };
    }

    public async Task<SignInResult> ValidateAsync(string raw, CancellationToken cancellationToken = default)
    {
        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return SignInResult.None("the token is not a JSON web token");
        }

        if (!_issuers.Contains(token.Issuer))
        {
            return SignInResult.None("the token was not issued by the configured Entra ID tenant");
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _keys.GetAsync(token.Kid, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return SignInResult.None("the Entra ID signing keys could not be fetched; try again shortly");
        }

        var validation = await _handler.ValidateTokenAsync(raw, new TokenValidationParameters
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
        });
        if (!validation.IsValid)
        {
            return SignInResult.None("the token's signature is not valid");
        }

        var now = _time.GetUtcNow().UtcDateTime;
        if (token.ValidTo == DateTime.MinValue || now > token.ValidTo + ClockSkew)
        {
            return SignInResult.None("the token has expired; sign in again");
        }

        if (token.ValidFrom != DateTime.MinValue && now + ClockSkew < token.ValidFrom)
        {
            return SignInResult.None("the token is not valid yet");
        }

        if (!token.Audiences.Any(_audiences.Contains))
        {
            return SignInResult.None("the token is for another application");
        }

        var id = Claim(token, "oid") ?? Claim(token, "sub");
        var name = Claim(token, "preferred_username") ?? Claim(token, "upn") ?? Claim(token, "email");
        if (id is null || name is null)
        {
            return SignInResult.None("the token names no user (oid and preferred_username are required)");
        }

        var roles = Roles(token).Select(InboxRoles.Parse).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return SignInResult.Of(new InboxIdentity(name, id, Claim(token, "name") ?? name, roles, "entra"));
    }

    private static string? Claim(JsonWebToken token, string type) =>
        token.TryGetPayloadValue<string>(type, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static IEnumerable<string> Roles(JsonWebToken token)
    {
        if (token.TryGetPayloadValue<string[]>("roles", out var many) && many is not null)
        {
            return many;
        }

        if (token.TryGetPayloadValue<JsonElement>("roles", out var element) && element.ValueKind == JsonValueKind.Array)
        {
            return element.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).ToList();
        }

        return token.TryGetPayloadValue<string>("roles", out var one) && one is not null ? [one] : [];
    }
}
