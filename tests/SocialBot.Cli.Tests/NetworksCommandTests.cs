using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Networks;
using SocialBot.Testing;
using SocialBot.Testing.Bot;

namespace SocialBot.Cli.Tests;

/// <summary><c>socialbot networks</c> over Azurite, and <c>networks check</c> against fake APIs.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class NetworksCommandTests : IAsyncLifetime, IDisposable
{
    private readonly AgentDesk _desk;
    private readonly string _temp = Directory.CreateTempSubdirectory("socialbot-networks-").FullName;

    public NetworksCommandTests(AzuriteFixture azurite)
    {
        _desk = new AgentDesk(azurite);
    }

    public Task InitializeAsync() => _desk.ProvisionAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Networks_ShouldShowEachNetworksStateAndReplies_WhenAPollerRan()
    {
        // Arrange
        var polled = new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.Zero);
        using (var services = _desk.Services())
        {
            var store = services.GetRequiredService<INetworkStateStore>();
            await store.SaveAsync(new FeedState { Network = "x", Feed = "mentions", Cursor = "1829347281036542391", LastPollAt = polled, Enqueued = 2 });
            await store.SaveAsync(new FeedState { Network = "x", Feed = "brand-0", LastPollAt = polled, LastError = "x search: HTTP 429 Too Many Requests", NotBefore = polled.AddMinutes(15) });
            await store.RecordReplyAsync("x", "x/1829347281036542391/acknowledgement", "1829350000000000099", polled);
        }

        // Act
        var json = await _desk.Cli.RunAsync("networks", "--format", "json");
        var text = await _desk.Cli.RunAsync("networks", "--format", "text");

        // Assert
        Assert.Equal(0, json.ExitCode);
        var x = json.Json.EnumerateArray().Single(n => n.GetProperty("network").GetString() == "x");
        Assert.False(x.GetProperty("configured").GetBoolean());
        Assert.Equal(1, x.GetProperty("repliesSent").GetInt32());
        var feeds = x.GetProperty("feeds").EnumerateArray().ToList();
        Assert.Equal(["brand-0", "mentions"], feeds.Select(f => f.GetProperty("feed").GetString()));
        Assert.Equal("1829347281036542391", feeds[1].GetProperty("cursor").GetString());
        Assert.Contains("429", feeds[0].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Contains(json.Json.EnumerateArray(), n => n.GetProperty("network").GetString() == "bluesky");
        Assert.Contains("mentions   cursor 1829347281036542391; 2 enqueued", text.Output, StringComparison.Ordinal);
        Assert.Contains("off (no credentials under SocialBot:Networks:Bluesky)", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ShouldExit1WithOneLinePerFailingNetwork_WhenCredentialsAreRejected()
    {
        // Arrange
        await using var x = await FakeHttpServer.StartAsync((context, _, _) => Answer(context, 401, """{ "title": "Unauthorized", "detail": "Unauthorized", "status": 401 }"""));
        await using var mastodon = await FakeHttpServer.StartAsync((context, request, _) => request.Authorization == "Bearer good"
            ? Answer(context, 200, """{ "id": "109000000000000001", "acct": "markethall" }""")
            : Answer(context, 401, """{ "error": "The access token is invalid" }"""));
        var config = Path.Combine(_temp, "networks.json");
        await File.WriteAllTextAsync(config, $$"""
            {
              "SocialBot": {
                "Networks": {
                  "X": { "BaseUrl": "{{x.BaseUrl}}", "UserId": "783214", "ConsumerKey": "k", "ConsumerSecret": "s", "AccessToken": "t", "AccessTokenSecret": "ts" },
                  "Mastodon": { "InstanceUrl": "{{mastodon.BaseUrl}}", "AccessToken": "good" }
                }
              }
            }
            """);

        // Act
        var result = await _desk.Cli.RunAsync("--config", config, "networks", "check", "--format", "text");

        // Assert
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("socialbot: x: x users/me: HTTP 401 Unauthorized (Unauthorized: Unauthorized)", result.Error.Trim());
        Assert.Contains("mastodon: ok, @markethall (id 109000000000000001)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ShouldExit2NamingTheKey_WhenANetworkIsHalfConfigured()
    {
        var config = Path.Combine(_temp, "half.json");
        await File.WriteAllTextAsync(config, """{ "SocialBot": { "Networks": { "X": { "ConsumerKey": "k" } } } }""");

        var result = await _desk.Cli.RunAsync("--config", config, "networks", "check");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("SocialBot:Networks:X:UserId", result.Error, StringComparison.Ordinal);
    }

    private static async Task Answer(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }
}
