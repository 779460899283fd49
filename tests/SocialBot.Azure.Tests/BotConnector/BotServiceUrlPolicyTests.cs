using SocialBot.Azure.BotConnector;

namespace SocialBot.Azure.Tests.BotConnector;

public sealed class BotServiceUrlPolicyTests
{
    private readonly BotServiceUrlPolicy _policy = new(["*.contoso.example", "http://127.0.0.1:5099"]);

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
    public void Constructor_ShouldThrow_WhenRuleIsInvalid(string rule) =>
        Assert.Throws<ArgumentException>(() => new BotServiceUrlPolicy([rule]));
}
