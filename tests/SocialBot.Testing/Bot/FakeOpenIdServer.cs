using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SocialBot.Testing.Bot;

/// <summary>A signing key as published in a JWKS, with the Bot Framework's channel endorsements.</summary>
public sealed record TestSigningKey(string KeyId, RSA Rsa, IReadOnlyList<string>? Endorsements);

/// <summary>
/// Serves two OpenID metadata documents and their JWKS on loopback: the Bot Framework's (keys with endorsements) and
/// Entra ID's. The published keys can be swapped to simulate rotation.
/// </summary>
public sealed class FakeOpenIdServer : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Endorsed = ["webchat", "msteams", "facebook", "directline"];

    private FakeHttpServer? _server;
    private bool _disposed;
    private volatile TestSigningKey[] _botFrameworkKeys;
    private readonly TestSigningKey[] _entraKeys;

    private FakeOpenIdServer()
    {
        BotFrameworkKey = new TestSigningKey("bf-key-1", RSA.Create(2048), Endorsed);
        EntraKey = new TestSigningKey("entra-key-1", RSA.Create(2048), null);
        _botFrameworkKeys = [BotFrameworkKey];
        _entraKeys = [EntraKey];
    }

    public TestSigningKey BotFrameworkKey { get; }

    public TestSigningKey EntraKey { get; }

    public string BotFrameworkMetadataUrl => $"{_server!.BaseUrl}/bf/v1/.well-known/openidconfiguration";

    public string EntraMetadataUrl => $"{_server!.BaseUrl}/entra/v2.0/.well-known/openid-configuration";

    public int KeySetRequests => _server!.Requests.Count(request => request.Path.EndsWith("/keys", StringComparison.Ordinal));

    public static async Task<FakeOpenIdServer> StartAsync()
    {
        var openId = new FakeOpenIdServer();
        openId._server = await FakeHttpServer.StartAsync((context, request, _) => openId.HandleAsync(context, request));
        return openId;
    }

    public void PublishBotFrameworkKeys(params TestSigningKey[] keys) => _botFrameworkKeys = keys;

    public static string CreateToken(
        TestSigningKey key,
        string issuer,
        string audience,
        DateTimeOffset notBefore,
        DateTimeOffset expires,
        string? serviceUrl,
        IReadOnlyDictionary<string, object>? claims = null)
    {
        var allClaims = new Dictionary<string, object>(claims ?? new Dictionary<string, object>());
        if (serviceUrl is not null)
        {
            allClaims["serviceurl"] = serviceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key.Rsa) { KeyId = key.KeyId }, SecurityAlgorithms.RsaSha256),
            Claims = allClaims.Count == 0 ? null : allClaims,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        foreach (var key in _botFrameworkKeys.Concat(_entraKeys).Append(BotFrameworkKey).Append(EntraKey).Distinct())
        {
            key.Rsa.Dispose();
        }
    }

    private Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        var prefix = request.Path.StartsWith("/bf/", StringComparison.Ordinal) ? "/bf" : "/entra";
        var keys = prefix == "/bf" ? _botFrameworkKeys : _entraKeys;
        object document = request.Path.EndsWith("/keys", StringComparison.Ordinal)
            ? new Dictionary<string, object> { ["keys"] = keys.Select(ToJwk).ToArray() }
            : new Dictionary<string, object>
            {
                ["issuer"] = prefix == "/bf" ? "https://api.botframework.com" : "https://login.microsoftonline.com/{tenantid}/v2.0",
                ["jwks_uri"] = $"{_server!.BaseUrl}{prefix}/keys",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
            };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(document));
    }

    private static Dictionary<string, object> ToJwk(TestSigningKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (key.Endorsements is not null)
        {
            jwk["endorsements"] = key.Endorsements;
        }

        return jwk;
    }
}
