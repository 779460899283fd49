using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SocialBot.Azure.BotConnector;
using SocialBot.Inbox.Identity;
using SocialBot.Testing.Bot;

namespace SocialBot.Inbox.Tests;

public sealed class EntraTokenValidatorTests : IAsyncLifetime
{
    private const string Tenant = "6f1c2a34-1111-4c5d-9e8f-0123456789ab";
    private const string Client = "0b7e2c10-2222-4d6e-8f90-abcdefabcdef";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);

    private FakeOpenIdServer _server = null!;
    private EntraTokenValidator _validator = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenIdServer.StartAsync();
        var options = new InboxOptions { TenantId = Tenant, ClientId = Client, MetadataUrl = _server.EntraMetadataUrl };
        var time = new FakeTimeProvider(Now);
        _validator = new EntraTokenValidator(options, new OpenIdKeySource(options.EffectiveMetadataUrl, new HttpClient(), time), time);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Validate_ShouldReadNameIdAndRoles_FromAValidToken()
    {
        var result = await _validator.ValidateAsync(Token(_server.EntraKey, roles: ["SocialBot.Supervisor", "Other.Role"]));

        var identity = Assert.IsType<InboxIdentity>(result.Identity);
        Assert.Equal(("riya@contoso.example", "oid-1", "Riya"), (identity.Name, identity.Id, identity.DisplayName));
        Assert.Equal(["SocialBot.Supervisor"], identity.Roles);
        Assert.True(identity.IsSupervisor);
    }

    [Fact]
    public async Task Validate_ShouldRefuseForgedExpiredForeignOrMisaddressedTokens()
    {
        var forged = new TestSigningKey(_server.EntraKey.KeyId, System.Security.Cryptography.RSA.Create(2048), null);

        Assert.Equal("the token's signature is not valid", (await _validator.ValidateAsync(Token(forged))).Problem);
        Assert.Equal("the token has expired; sign in again", (await _validator.ValidateAsync(Token(_server.EntraKey, expires: Now.AddMinutes(-10)))).Problem);
        Assert.Equal("the token was not issued by the configured Entra ID tenant", (await _validator.ValidateAsync(Token(_server.EntraKey, tenant: Guid.NewGuid().ToString()))).Problem);
        Assert.Equal("the token is for another application", (await _validator.ValidateAsync(Token(_server.EntraKey, audience: "someone-else"))).Problem);
        Assert.Equal("the token is not a JSON web token", (await _validator.ValidateAsync("not-a-token")).Problem);
    }

    private static string Token(TestSigningKey key, string[]? roles = null, DateTimeOffset? expires = null, string tenant = Tenant, string audience = Client)
    {
        var claims = new Dictionary<string, object> { ["oid"] = "oid-1", ["preferred_username"] = "riya@contoso.example", ["name"] = "Riya" };
        if (roles is not null)
        {
            claims["roles"] = roles;
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"https://login.microsoftonline.com/{tenant}/v2.0",
            Audience = audience,
            IssuedAt = Now.AddMinutes(-30).UtcDateTime,
            NotBefore = Now.AddMinutes(-30).UtcDateTime,
            Expires = (expires ?? Now.AddMinutes(30)).UtcDateTime,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key.Rsa) { KeyId = key.KeyId }, SecurityAlgorithms.RsaSha256),
            Claims = claims,
        });
    }
}
