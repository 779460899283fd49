using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocialBot.Azure.BotConnector;
using SocialBot.Core.Channels;
using SocialBot.Core.Mentions;

namespace SocialBot.Azure.Tests.BotConnector;

public sealed class BotActivityIngressTests : IAsyncLifetime
{
    private FakeOpenIdServer _openId = null!;
    private BotActivityIngress _ingress = null!;

    public async Task InitializeAsync()
    {
        _openId = await FakeOpenIdServer.StartAsync();
        var time = new FakeTimeProvider(BotTestValues.Now);
        var options = BotTestValues.Options(_openId.BotFrameworkMetadataUrl, _openId.EntraMetadataUrl);
        var validator = new BotTokenValidator(options, BotOpenIdMetadata.Create(options.Value, new HttpClient(), time), time, NullLogger<BotTokenValidator>.Instance);
        var mapper = new ActivityMapper(new MentionParser(new ChannelCatalog()), options);
        _ingress = new BotActivityIngress(validator, mapper, NullLogger<BotActivityIngress>.Instance);
    }

    public async Task DisposeAsync() => await _openId.DisposeAsync();

    [Fact]
    public async Task Process_ShouldAnswer202WithTheMention_WhenTeamsMessageIsAuthenticated()
    {
        var result = await _ingress.ProcessAsync(Bearer("https://smba.trafficmanager.net/emea/"), ActivityFixtures.Bytes("teams-channel-message.json"));

        Assert.Equal(202, result.StatusCode);
        Assert.Equal("1763936411402", result.ToEnqueue!.Id);
        Assert.Null(result.Status);
    }

    [Fact]
    public async Task Process_ShouldAnswer202WithTheStatus_WhenHandoffStatusEventIsAuthenticated()
    {
        var result = await _ingress.ProcessAsync(Bearer("https://webchat.botframework.com/"), ActivityFixtures.Bytes("handoff-status-event.json"));

        Assert.Equal(202, result.StatusCode);
        Assert.Equal("failed", result.Status!.State);
        Assert.Null(result.ToEnqueue);
    }

    [Fact]
    public async Task Process_ShouldAnswer200WithAReason_WhenActivityIsNotTriaged()
    {
        var result = await _ingress.ProcessAsync(Bearer("https://smba.trafficmanager.net/emea/"), ActivityFixtures.Bytes("teams-conversation-update.json"));

        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.ToEnqueue);
        Assert.Contains("conversationUpdate", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_ShouldAnswer401_WhenAuthorizationHeaderIsMissing()
    {
        var result = await _ingress.ProcessAsync(null, ActivityFixtures.Bytes("teams-channel-message.json"));

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("authentication failed: missing-token", result.Reason);
        Assert.Null(result.ToEnqueue);
    }

    [Fact]
    public async Task Process_ShouldAnswer403_WhenTokenWasIssuedForAnotherServiceUrl()
    {
        var result = await _ingress.ProcessAsync(Bearer("https://webchat.botframework.com/"), ActivityFixtures.Bytes("teams-channel-message.json"));

        Assert.Equal(403, result.StatusCode);
        Assert.Equal("authentication failed: service-url", result.Reason);
    }

    [Theory]
    [InlineData("{\"type\":", "the body is not valid JSON")]
    [InlineData("[1,2]", "$: expected an Activity object")]
    [InlineData("{\"type\":\"message\",\"channelId\":\"webchat\"}", "serviceUrl: is required")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"https://webchat.botframework.com/\"}", "channelId: is required")]
    public async Task Process_ShouldAnswer400BeforeAuthenticating_WhenBodyIsUnusable(string body, string reason)
    {
        var result = await _ingress.ProcessAsync(null, Encoding.UTF8.GetBytes(body));

        Assert.Equal(400, result.StatusCode);
        Assert.StartsWith(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_ShouldAnswer400NamingTheField_WhenAuthenticatedActivityIsMalformed()
    {
        var activity = ActivityFixtures.Node("webchat-message.json");
        activity["from"]!.AsObject().Remove("id");

        var result = await _ingress.ProcessAsync(Bearer("https://webchat.botframework.com/"), Encoding.UTF8.GetBytes(activity.ToJsonString()));

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("from.id: is required", result.Reason);
    }

    private string Bearer(string serviceUrl) =>
        "Bearer " + FakeOpenIdServer.CreateToken(
            _openId.BotFrameworkKey,
            BotTokenValidator.BotFrameworkIssuer,
            BotTestValues.AppId,
            BotTestValues.Now.AddMinutes(-5),
            BotTestValues.Now.AddMinutes(55),
            serviceUrl);
}
