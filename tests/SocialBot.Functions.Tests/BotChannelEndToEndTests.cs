using System.Net;
using Microsoft.AspNetCore.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SocialBot.Azure.BotConnector;
using SocialBot.Testing.Bot;

namespace SocialBot.Functions.Tests;

/// <summary>
/// The Bot Framework channel end to end in standalone mode: a signed activity posted to /api/messages becomes a
/// mention, is triaged, and the acknowledgement is delivered to the (fake) Bot Connector with the bot's token.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class BotChannelEndToEndTests : IAsyncLifetime
{
    private const string AppId = "5d2c9a7e-3b1f-4e8a-9c6d-1f2e3a4b5c6d";
    private const string TenantId = "8e1d4c7b-2a3f-4b6c-9d8e-7f6a5b4c3d2e";
    private static readonly DateTimeOffset MondayNight = new(2026, 11, 23, 21, 0, 0, TimeSpan.FromHours(-5));

    private readonly AzuriteFixture _azurite;
    private FakeOpenIdServer _openId = null!;
    private FakeHttpServer _connector = null!;
    private RunningApp _app = null!;
    private FakeTokenCredential _credential = null!;

    public BotChannelEndToEndTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
    }

    public async Task InitializeAsync()
    {
        await _azurite.ResetAsync();
        _openId = await FakeOpenIdServer.StartAsync();
        _connector = await FakeHttpServer.StartAsync(async (context, _, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"id\":\"reply-activity-1\"}");
        });
        var clock = new FixedClock(MondayNight);
        _credential = new FakeTokenCredential(clock);
        _app = await RunningApp.StartAsync(
            _azurite,
            clock,
            settings: new Dictionary<string, string?>
            {
                ["SocialBot:Bot:AppId"] = AppId,
                ["SocialBot:Bot:TenantId"] = TenantId,
                ["SocialBot:Bot:AppType"] = "SingleTenant",
                ["SocialBot:Bot:ClientSecret"] = "test-only-not-a-secret",
                ["SocialBot:Bot:OpenIdMetadataUrl"] = _openId.BotFrameworkMetadataUrl,
                ["SocialBot:Bot:EntraOpenIdMetadataUrl"] = _openId.EntraMetadataUrl,
                ["SocialBot:Bot:AllowedServiceUrls:0"] = _connector.BaseUrl,
                ["SocialBot:Bot:SendHandoffEvents"] = "true",
            },
            services: services => services.AddSingleton(new BotConnectorTokenProvider(_credential, clock, NullLogger<BotConnectorTokenProvider>.Instance)));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
        await _openId.DisposeAsync();
    }

    [Fact]
    public async Task SignedActivity_ShouldEndAsReplyAtTheConnector_WithTheBotToken()
    {
        var serviceUrl = _connector.BaseUrl.TrimEnd('/') + "/";
        var token = Token(serviceUrl);

        using var response = await PostAsync(Activity(serviceUrl, "act-1", "my order never arrived and nobody answers"), token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(await TestQueues.EventuallyAsync(() => Task.FromResult(_connector.Requests.Count >= 2), TimeSpan.FromSeconds(10)), "the reply and the handoff event did not reach the Connector");
        var request = Assert.Single(_connector.Requests, r => r.Path.EndsWith("/act-1", StringComparison.Ordinal));
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/conversations/conv-42/activities/act-1", request.Path);
        Assert.StartsWith("Bearer ", request.Authorization, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("message", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("act-1", body.RootElement.GetProperty("replyToId").GetString());
        Assert.Contains("help@contoso.example", body.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(_credential.Scopes, scopes => scopes.Contains("https://api.botframework.com/.default"));
        var urgent = await TestQueues.PeekAsync(_azurite, "handoffs-urgent");
        Assert.Single(urgent);
    }

    [Fact]
    public async Task HandedOffConversation_ShouldBeAnnouncedWithHandoffInitiate_WithTranscript()
    {
        var serviceUrl = _connector.BaseUrl.TrimEnd('/') + "/";

        using var response = await PostAsync(Activity(serviceUrl, "act-9", "charged twice for one order, this is ridiculous"), Token(serviceUrl));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(await TestQueues.EventuallyAsync(() => Task.FromResult(_connector.Requests.Any(r => r.Path == "/v3/conversations/conv-42/activities")), TimeSpan.FromSeconds(10)));
        var handoff = _connector.Requests.Single(r => r.Path == "/v3/conversations/conv-42/activities");
        using var body = JsonDocument.Parse(handoff.Body);
        Assert.Equal("event", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("handoff.initiate", body.RootElement.GetProperty("name").GetString());
        var transcript = body.RootElement.GetProperty("attachments")[0];
        Assert.Equal("Transcript", transcript.GetProperty("name").GetString());
        Assert.True(transcript.GetProperty("content").GetProperty("activities").GetArrayLength() >= 2);
    }

    [Fact]
    public async Task Activity_ShouldBeRefusedWith401_WhenTokenIsMissing()
    {
        var serviceUrl = _connector.BaseUrl.TrimEnd('/') + "/";

        using var response = await PostAsync(Activity(serviceUrl, "act-2", "hello"), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await TestQueues.PeekAsync(_azurite, "mentions"));
    }

    [Fact]
    public async Task Activity_ShouldBeRefusedWith403_WhenTokenNamesAnotherServiceUrl()
    {
        var serviceUrl = _connector.BaseUrl.TrimEnd('/') + "/";

        using var response = await PostAsync(Activity(serviceUrl, "act-3", "hello"), Token("https://evil.example/"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private string Token(string serviceUrl) => FakeOpenIdServer.CreateToken(
        _openId.BotFrameworkKey, "https://api.botframework.com", AppId, MondayNight.AddMinutes(-1), MondayNight.AddHours(1), serviceUrl);

    private static string Activity(string serviceUrl, string id, string text) => JsonSerializer.Serialize(new
    {
        type = "message",
        id,
        timestamp = "2026-11-24T02:00:00.000Z",
        serviceUrl,
        channelId = "webchat",
        from = new { id = "dl_user_7", name = "Robin Diaz" },
        recipient = new { id = AppId, name = "Contoso Care" },
        conversation = new { id = "conv-42" },
        text,
        textFormat = "plain",
    });

    private async Task<HttpResponseMessage> PostAsync(string json, string? token)
    {
        using var client = new HttpClient { BaseAddress = _app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }
}
