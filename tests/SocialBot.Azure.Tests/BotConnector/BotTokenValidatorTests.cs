using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using SocialBot.Azure.BotConnector;

namespace SocialBot.Azure.Tests.BotConnector;

public sealed class BotTokenValidatorTests : IAsyncLifetime
{
    private const string BotFrameworkIssuer = "https://api.botframework.com";
    private const string ServiceUrl = BotTestValues.TeamsServiceUrl;

    private readonly FakeTimeProvider _time = new(BotTestValues.Now);
    private readonly ListLogger<BotTokenValidator> _logger = new();
    private FakeOpenIdServer _openId = null!;
    private BotTokenValidator _validator = null!;

    public async Task InitializeAsync()
    {
        _openId = await FakeOpenIdServer.StartAsync();
        var options = BotTestValues.Options(_openId.BotFrameworkMetadataUrl, _openId.EntraMetadataUrl);
        _validator = new BotTokenValidator(options, BotOpenIdMetadata.Create(options.Value, new HttpClient(), _time), _time, _logger);
    }

    public async Task DisposeAsync() => await _openId.DisposeAsync();

    [Fact]
    public async Task Validate_ShouldAccept_WhenBotFrameworkTokenPassesEveryCheck()
    {
        var token = BotFrameworkToken();

        var result = await _validator.ValidateAsync($"Bearer {token}", ServiceUrl, "msteams");

        Assert.True(result.IsAuthenticated, result.FailedCheck);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(BotFrameworkIssuer, result.TokenIssuer);
    }

    [Fact]
    public async Task Validate_ShouldAccept_WhenExpiredWithinClockSkew()
    {
        var token = BotFrameworkToken(expires: BotTestValues.Now.AddMinutes(-4));

        var result = await _validator.ValidateAsync($"Bearer {token}", ServiceUrl, "msteams");

        Assert.True(result.IsAuthenticated, result.FailedCheck);
    }

    [Fact]
    public async Task Validate_ShouldAccept_WhenServiceUrlDiffersOnlyByTrailingSlash()
    {
        var token = BotFrameworkToken();

        var result = await _validator.ValidateAsync($"Bearer {token}", ServiceUrl.TrimEnd('/'), "msteams");

        Assert.True(result.IsAuthenticated, result.FailedCheck);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-jwt")]
    public async Task Validate_ShouldAnswer401MissingToken_WhenHeaderHasNoBearerToken(string? header)
    {
        var result = await _validator.ValidateAsync(header, ServiceUrl, "msteams");

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(BotAuthenticationResult.MissingToken, result.FailedCheck);
    }

    [Fact]
    public async Task Validate_ShouldAnswer401BadSignature_WhenSignedByAnotherKeyWithThePublishedKeyId()
    {
        using var forger = RSA.Create(2048);
        var forged = new TestSigningKey(_openId.BotFrameworkKey.KeyId, forger, null);
        var token = BotFrameworkToken(key: forged);

        var result = await _validator.ValidateAsync($"Bearer {token}", ServiceUrl, "msteams");

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(BotAuthenticationResult.BadSignature, result.FailedCheck);
    }

    [Fact]
    public async Task Validate_ShouldAnswer401Issuer_WhenIssuerIsNotTrusted()
    {
        var token = BotFrameworkToken(issuer: "https://sts.windows.net/00000000-0000-0000-0000-000000000bad/");

        var result = await _validator.ValidateAsync($"Bearer {token}", ServiceUrl, "msteams");

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(BotAuthenticationResult.Issuer, result.FailedCheck);
    }

    [Fact]
    public async Task Validate_ShouldAnswer403Audience_WhenTokenIsForAnotherBot()
    {
        var token = BotFrameworkToken(audience: "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a");

        var result = await _validator.ValidateAsync($"Bearer {token}", ServiceUrl, "msteams");

        Assert.Equal(403, result.StatusCode);
        Assert.Equal(BotAuthenticationResult.Audience, result.FailedCheck);
    }

    [Fact]
    public async Task Validate_ShouldAnswer401Expired_WhenExpiredBeyondClockSkew()
    {
        var token = BotFrameworkToken(expires: BotTestValues.Now.AddMinutes(-6));

        var result = await _validator.ValidateAsync($"Bearer {token}", ServiceUrl, "msteams");

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(BotAuthenticationResult.Expired, result.FailedCheck);
    }

    [Fact]
    public async Task Validate_ShouldAnswer401NotYetValid_WhenNotBeforeIsBeyondClockSkew()
    {
        var token = BotFrameworkToken(notBefore: BotTestValues.Now.AddMinutes(6), expires: BotTestValues.Now.AddHours(1));

        var result = await _validator.ValidateAsync($"Bearer {token}", ServiceUrl, "msteams");

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(BotAuthenticationResult.NotYetValid, result.FailedCheck);
    }

    [Fact]
    public async Task Validate_ShouldAccept_WhenNotBeforeIsWithinClockSkew()
    {
        var token = BotFrameworkToken(notBefore: BotTestValues.Now.AddMinutes(4), expires: BotTestValues.Now.AddHours(1));

        var result = await _validator.ValidateAsync($"Bearer {token}", ServiceUrl, "msteams");

        Assert.True(result.IsAuthenticated, result.FailedCheck);
    }

    [Fact]
    public async Task Validate_ShouldAnswer403ServiceUrl_WhenClaimDiffersFromActivityServiceUrl()
    {
        var token = BotFrameworkToken(serviceUrl: "https://smba.trafficmanager.net/emea/");

        var result = await _validator.ValidateAsync($"Bearer {token}", ServiceUrl, "msteams");

        Assert.Equal(403, result.StatusCode);
        Assert.Equal(BotAuthenticationResult.ServiceUrl, result.FailedCheck);
    }

    [Fact]
    public async Task Validate_ShouldAnswer403ServiceUrl_WhenBotFrameworkTokenHasNoServiceUrlClaim()
    {
        var token = BotFrameworkToken(serviceUrl: null);

        var result = await _validator.ValidateAsync($"Bearer {token}", ServiceUrl, "msteams");

        Assert.Equal(403, result.StatusCode);
        Assert.Equal(BotAuthenticationResult.ServiceUrl, result.FailedCheck);
    }

    [Fact]
    public async Task Validate_ShouldAnswer403Endorsement_WhenSigningKeyDoesNotEndorseTheChannel()
    {
        var token = BotFrameworkToken();

        var result = await _validator.ValidateAsync($"Bearer {token}", ServiceUrl, "slack");

        Assert.Equal(403, result.StatusCode);
        Assert.Equal(BotAuthenticationResult.Endorsement, result.FailedCheck);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/{0}/v2.0")]
    [InlineData("https://sts.windows.net/{0}/")]
    public async Task Validate_ShouldAccept_WhenEntraTokenComesFromTheBotsTenant(string issuerFormat)
    {
        var issuer = string.Format(System.Globalization.CultureInfo.InvariantCulture, issuerFormat, BotTestValues.TenantId);
        var token = EntraToken(issuer, BotTestValues.EntraCallerAppId);

        var result = await _validator.ValidateAsync($"Bearer {token}", ServiceUrl, "msteams");

        Assert.True(result.IsAuthenticated, result.FailedCheck);
        Assert.Equal(issuer, result.TokenIssuer);
    }

    [Theory]
    [InlineData("azp", null)]
    [InlineData("appid", null)]
    [InlineData("azp", "b2f0c1d4-0000-4000-8000-000000000001")]
    [InlineData("appid", "b2f0c1d4-0000-4000-8000-000000000001")]
    public async Task Validate_ShouldAnswer403Caller_WhenEntraTokenComesFromAnAppNotOnTheAllowList(string claim, string? caller)
    {
        // Finding 4: any app in the bot's tenant could get a token for the bot's audience and post activities.
        var issuer = $"https://login.microsoftonline.com/{BotTestValues.TenantId}/v2.0";
        var claims = caller is null ? null : new Dictionary<string, object> { [claim] = caller };
        var token = FakeOpenIdServer.CreateToken(_openId.EntraKey, issuer, BotTestValues.AppId, BotTestValues.Now.AddMinutes(-1), BotTestValues.Now.AddHours(1), serviceUrl: null, claims);

        var result = await _validator.ValidateAsync($"Bearer {token}", "https://evil.example/", "msteams");

        Assert.Equal(403, result.StatusCode);
        Assert.Equal(BotAuthenticationResult.Caller, result.FailedCheck);
    }

    [Fact]
    public async Task Validate_ShouldAcceptTheAllowedCallerByAppIdClaim_WhenEntraTokenIsV1()
    {
        var issuer = $"https://sts.windows.net/{BotTokenValidator.BotFrameworkTenants[0]}/";
        var token = FakeOpenIdServer.CreateToken(
            _openId.EntraKey, issuer, BotTestValues.AppId, BotTestValues.Now.AddMinutes(-1), BotTestValues.Now.AddHours(1), serviceUrl: null,
            new Dictionary<string, object> { ["appid"] = BotTestValues.EntraCallerAppId });

        var result = await _validator.ValidateAsync($"Bearer {token}", ServiceUrl, "msteams");

        Assert.True(result.IsAuthenticated, result.FailedCheck);
    }

    [Fact]
    public async Task Validate_ShouldNotLogMoreThanAFewDozenCharactersOfTheChannelId_WhenTokenIsRejected()
    {
        // Finding 6: a 200 KB channelId on an unauthenticated request added 200 KB to the log per request.
        var channelId = new string('x', 200 * 1024);

        await _validator.ValidateAsync(null, ServiceUrl, channelId);

        var line = Assert.Single(_logger.Lines);
        Assert.Contains("missing-token", line, StringComparison.Ordinal);
        Assert.True(line.Length < 400, $"the log line is {line.Length} characters long");
        Assert.Contains("(204800 chars)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ShouldAnswer403ServiceUrl_WhenEntraTokenCarriesAnotherServiceUrl()
    {
        var issuer = $"https://sts.windows.net/{BotTokenValidator.BotFrameworkTenants[0]}/";
        var token = FakeOpenIdServer.CreateToken(
            _openId.EntraKey, issuer, BotTestValues.AppId, BotTestValues.Now.AddMinutes(-1), BotTestValues.Now.AddHours(1), "https://webchat.botframework.com/",
            new Dictionary<string, object> { ["azp"] = BotTestValues.EntraCallerAppId });

        var result = await _validator.ValidateAsync($"Bearer {token}", ServiceUrl, "msteams");

        Assert.Equal(403, result.StatusCode);
        Assert.Equal(BotAuthenticationResult.ServiceUrl, result.FailedCheck);
    }

    [Fact]
    public async Task Validate_ShouldAnswer401BadSignature_WhenEntraIssuerIsSignedByBotFrameworkKey()
    {
        var issuer = $"https://login.microsoftonline.com/{BotTestValues.TenantId}/v2.0";
        var token = FakeOpenIdServer.CreateToken(_openId.BotFrameworkKey, issuer, BotTestValues.AppId, BotTestValues.Now.AddMinutes(-1), BotTestValues.Now.AddHours(1), serviceUrl: null);

        var result = await _validator.ValidateAsync($"Bearer {token}", ServiceUrl, "msteams");

        Assert.Equal(BotAuthenticationResult.BadSignature, result.FailedCheck);
    }

    [Fact]
    public async Task Validate_ShouldRefreshKeys_WhenTokenIsSignedByANewlyPublishedKey()
    {
        Assert.True((await _validator.ValidateAsync($"Bearer {BotFrameworkToken()}", ServiceUrl, "msteams")).IsAuthenticated);
        var rotated = new TestSigningKey("bf-key-2", RSA.Create(2048), FakeOpenIdServer.Endorsed);
        _openId.PublishBotFrameworkKeys(_openId.BotFrameworkKey, rotated);
        var requestsBefore = _openId.KeySetRequests;

        var result = await _validator.ValidateAsync($"Bearer {BotFrameworkToken(key: rotated)}", ServiceUrl, "msteams");

        Assert.True(result.IsAuthenticated, result.FailedCheck);
        Assert.True(_openId.KeySetRequests > requestsBefore);
    }

    [Fact]
    public async Task Validate_ShouldNotRefetchKeysAgain_WhenAnotherUnknownKeyIdArrivesWithinTheRefreshInterval()
    {
        using var forger = RSA.Create(2048);
        await _validator.ValidateAsync($"Bearer {BotFrameworkToken(key: new TestSigningKey("unknown-1", forger, null))}", ServiceUrl, "msteams");
        var requestsAfterFirst = _openId.KeySetRequests;
        _time.Advance(TimeSpan.FromMinutes(1));

        var result = await _validator.ValidateAsync($"Bearer {BotFrameworkToken(key: new TestSigningKey("unknown-2", forger, null))}", ServiceUrl, "msteams");

        Assert.Equal(BotAuthenticationResult.BadSignature, result.FailedCheck);
        Assert.Equal(requestsAfterFirst, _openId.KeySetRequests);
    }

    [Fact]
    public async Task Validate_ShouldCacheKeys_WhenValidatingSeveralTokens()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await _validator.ValidateAsync($"Bearer {BotFrameworkToken()}", ServiceUrl, "msteams")).IsAuthenticated);
        }

        Assert.Equal(1, _openId.KeySetRequests);
    }

    [Fact]
    public async Task Validate_ShouldLogTheFailedCheckButNeverTheToken_WhenRejecting()
    {
        var token = BotFrameworkToken(audience: "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a");

        await _validator.ValidateAsync($"Bearer {token}", ServiceUrl, "msteams");

        var line = Assert.Single(_logger.Lines);
        Assert.Contains("audience", line, StringComparison.Ordinal);
        Assert.DoesNotContain(token, line, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[1], line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ShouldThrowInvalidOperation_WhenMetadataCannotBeFetched()
    {
        var options = BotTestValues.Options("http://127.0.0.1:1/bf/v1/.well-known/openidconfiguration", "http://127.0.0.1:1/entra/v2.0/.well-known/openid-configuration");
        var validator = new BotTokenValidator(options, BotOpenIdMetadata.Create(options.Value, new HttpClient(), _time), _time, _logger);

        await Assert.ThrowsAsync<InvalidOperationException>(() => validator.ValidateAsync($"Bearer {BotFrameworkToken()}", ServiceUrl, "msteams"));
    }

    [Fact]
    public async Task Validate_ShouldThrowInvalidOperation_WhenKeysCannotBeRefreshedForAnUnknownKeyId()
    {
        Assert.True((await _validator.ValidateAsync($"Bearer {BotFrameworkToken()}", ServiceUrl, "msteams")).IsAuthenticated);
        await _openId.DisposeAsync();
        using var rsa = RSA.Create(2048);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => _validator.ValidateAsync($"Bearer {BotFrameworkToken(key: new TestSigningKey("bf-key-2", rsa, null))}", ServiceUrl, "msteams"));
    }

    private string BotFrameworkToken(
        TestSigningKey? key = null,
        string issuer = BotFrameworkIssuer,
        string audience = BotTestValues.AppId,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null,
        string? serviceUrl = ServiceUrl) =>
        FakeOpenIdServer.CreateToken(
            key ?? _openId.BotFrameworkKey,
            issuer,
            audience,
            notBefore ?? BotTestValues.Now.AddMinutes(-30),
            expires ?? BotTestValues.Now.AddMinutes(30),
            serviceUrl);

    private string EntraToken(string issuer, string caller) =>
        FakeOpenIdServer.CreateToken(
            _openId.EntraKey, issuer, BotTestValues.AppId, BotTestValues.Now.AddMinutes(-1), BotTestValues.Now.AddHours(1), serviceUrl: null,
            new Dictionary<string, object> { ["azp"] = caller });
}
