using System.Text;
using Microsoft.Extensions.Time.Testing;
using SocialBot.Azure.BotConnector;
using SocialBot.Core.Channels;
using SocialBot.Core.Mentions;

namespace SocialBot.Azure.Tests.BotConnector;

public sealed class BotActivityIngressTests : IAsyncLifetime
{
    private readonly ListLogger<BotActivityIngress> _log = new();
    private readonly ListLogger<BotTokenValidator> _validatorLog = new();
    private FakeOpenIdServer _openId = null!;
    private BotActivityIngress _ingress = null!;

    public async Task InitializeAsync()
    {
        _openId = await FakeOpenIdServer.StartAsync();
        var time = new FakeTimeProvider(BotTestValues.Now);
        var options = BotTestValues.Options(_openId.BotFrameworkMetadataUrl, _openId.EntraMetadataUrl);
        var validator = new BotTokenValidator(options, BotOpenIdMetadata.Create(options.Value, new HttpClient(), time), time, _validatorLog);
        var mapper = new ActivityMapper(new MentionParser(new ChannelCatalog()), options);
        _ingress = new BotActivityIngress(validator, mapper, new BotServiceUrlPolicy(options.Value.AllowedServiceUrls), _log);
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

    [Fact]
    public async Task Process_ShouldAnswer403BeforeQueueing_WhenEntraTokenHasNoServiceUrlClaimAndServiceUrlIsNotAllowed()
    {
        // Finding 4: an Entra token without a serviceurl claim was accepted with serviceUrl=https://evil.example/.
        var activity = ActivityFixtures.Node("webchat-message.json");
        activity["serviceUrl"] = "https://evil.example/";
        var token = FakeOpenIdServer.CreateToken(
            _openId.EntraKey, $"https://login.microsoftonline.com/{BotTestValues.TenantId}/v2.0", BotTestValues.AppId,
            BotTestValues.Now.AddMinutes(-1), BotTestValues.Now.AddHours(1), serviceUrl: null,
            new Dictionary<string, object> { ["azp"] = BotTestValues.EntraCallerAppId });

        var result = await _ingress.ProcessAsync("Bearer " + token, Encoding.UTF8.GetBytes(activity.ToJsonString()));

        Assert.Equal(403, result.StatusCode);
        Assert.Equal("authentication failed: service-url-not-allowed", result.Reason);
        Assert.Null(result.ToEnqueue);
    }

    [Fact]
    public async Task Process_ShouldNotAcceptAForgedHandoffStatus_WhenTheCustomerPostsItOnWebChat()
    {
        // Finding 15: a Web Chat user could post handoff.status and close their own handoff.
        var activity = ActivityFixtures.Node("handoff-status-event.json");
        activity["from"]!["id"] = "dl_7f3a9c2e41b8";

        var result = await _ingress.ProcessAsync(Bearer("https://webchat.botframework.com/"), Encoding.UTF8.GetBytes(activity.ToJsonString()));

        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.Status);
        Assert.Contains("HandoffHubIds", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_ShouldCapTheStoredHandoffMessage_WhenTheHubSendsAHugeOne()
    {
        var activity = ActivityFixtures.Node("handoff-status-event.json");
        activity["value"]!["message"] = new string('m', 100_000);

        var result = await _ingress.ProcessAsync(Bearer("https://webchat.botframework.com/"), Encoding.UTF8.GetBytes(activity.ToJsonString()));

        Assert.Equal(202, result.StatusCode);
        Assert.Equal(ActivityMapper.MaxHandoffStatusMessageLength, result.Status!.Message!.Length);
        Assert.EndsWith("…", result.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_ShouldAnswer400NamingTheLimit_WhenTextIsSixtyThousandAtTags()
    {
        // Finding 11: "<at>" x 60,000 made the mention-stripping regex time out (500) before the length check.
        var activity = ActivityFixtures.Node("teams-channel-message.json");
        activity["text"] = string.Concat(Enumerable.Repeat("<at>", 60_000));

        var result = await _ingress.ProcessAsync(Bearer("https://smba.trafficmanager.net/emea/"), Encoding.UTF8.GetBytes(activity.ToJsonString()));

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("text: is 240,000 characters long; the limit is 40,000 before the bot's mention is removed", result.Reason);
    }

    [Fact]
    public async Task Process_ShouldStripTagsQuickly_WhenTextIsManyUnclosedAtTagsWithinTheLimit()
    {
        var activity = ActivityFixtures.Node("teams-channel-message.json");
        activity["text"] = string.Concat(Enumerable.Repeat("<at>", 2_400)) + "<at>Sam</at> hello";

        var result = await _ingress.ProcessAsync(Bearer("https://smba.trafficmanager.net/emea/"), Encoding.UTF8.GetBytes(activity.ToJsonString()));

        Assert.Equal(202, result.StatusCode);
        Assert.EndsWith("Sam hello", result.ToEnqueue!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("</at>", result.ToEnqueue.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_ShouldKeepTheLogSmall_WhenAnUnauthenticatedActivityCarriesA200KbChannelId()
    {
        // Finding 6: TokenRejected logged the whole unauthenticated channelId.
        var activity = ActivityFixtures.Node("webchat-message.json");
        activity["channelId"] = new string('c', 200 * 1024);
        activity["type"] = new string('t', 200 * 1024);

        var result = await _ingress.ProcessAsync(null, Encoding.UTF8.GetBytes(activity.ToJsonString()));

        Assert.Equal(401, result.StatusCode);
        var lines = _log.Lines.Concat(_validatorLog.Lines).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.True(line.Length < 400, $"a log line is {line.Length} characters long"));
    }

    [Fact]
    public async Task Process_ShouldAnswer413WithoutReadingPastTheCap_WhenAChunkedBodyIsHuge()
    {
        // Finding 2: a chunked body was copied in full (up to 30 MB) before the 256 KB check.
        using var body = new EndlessStream();

        var result = await _ingress.ProcessAsync(Bearer("https://smba.trafficmanager.net/emea/"), body, contentLength: null);

        Assert.Equal(413, result.StatusCode);
        Assert.InRange(body.BytesRead, BotActivityIngress.MaxBodyBytes + 1, BotActivityIngress.MaxBodyBytes + 1);
    }

    [Fact]
    public async Task Process_ShouldHandleTheActivity_WhenStreamedBodyIsWithinTheCap()
    {
        using var body = new MemoryStream(ActivityFixtures.Bytes("teams-channel-message.json"));

        var result = await _ingress.ProcessAsync(Bearer("https://smba.trafficmanager.net/emea/"), body, contentLength: null);

        Assert.Equal(202, result.StatusCode);
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
