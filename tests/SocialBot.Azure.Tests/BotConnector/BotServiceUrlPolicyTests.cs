using SocialBot.Azure.BotConnector;

namespace SocialBot.Azure.Tests.BotConnector;

public sealed class BotServiceUrlPolicyTests
{
    private readonly BotServiceUrlPolicy _policy = new(["bots.contoso.example", "*.europe.botframework.com", "http://127.0.0.1:5099"]);

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://webchat.botframework.com/")]
    [InlineData("https://europe.webchat.botframework.com/")]
    [InlineData("https://directline.botframework.com")]
    [InlineData("https://facebook.botframework.com/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/")]
    [InlineData("https://webchat.botframework.azure.us/")]
    [InlineData("https://bots.contoso.example/api/")]
    [InlineData("https://webchat.europe.botframework.com/")]
    [InlineData("http://127.0.0.1:5099/amer/")]
    public void IsAllowed_ShouldAllow_WhenHostIsBuiltInOrConfigured(string serviceUrl) =>
        Assert.True(_policy.IsAllowed(serviceUrl));

    [Theory]
    [InlineData("https://botframework.com.evil.example/")]
    [InlineData("https://evilbotframework.com/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/amer/")]
    [InlineData("http://webchat.botframework.com/")]
    [InlineData("https://webchat.botframework.com:8443/")]
    [InlineData("https://user@webchat.botframework.com/")]
    [InlineData("https://contoso.example/")]
    [InlineData("https://other.contoso.example/")]
    [InlineData("http://127.0.0.1:5100/")]
    [InlineData("https://127.0.0.1:5099/")]
    [InlineData("relative/path")]
    [InlineData("")]
    [InlineData(null)]
    public void IsAllowed_ShouldRefuse_WhenHostIsNeitherBuiltInNorConfigured(string? serviceUrl) =>
        Assert.False(_policy.IsAllowed(serviceUrl));

    [Theory]
    [InlineData("*.")]
    [InlineData("ftp://files.contoso.example")]
    [InlineData("not a host")]
    [InlineData("*.com")]
    [InlineData("*.example")]
    [InlineData("*.contoso.example")]
    [InlineData("*.trafficmanager.net")]
    [InlineData("*.microsoft.com")]
    [InlineData("com")]
    [InlineData("http://bots.contoso.example")]
    [InlineData("https://user@bots.contoso.example")]
    public void Constructor_ShouldThrow_WhenRuleIsInvalid(string rule) =>
        Assert.Throws<ArgumentException>(() => new BotServiceUrlPolicy([rule]));
}
