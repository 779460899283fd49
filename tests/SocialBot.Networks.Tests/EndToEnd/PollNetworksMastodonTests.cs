using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SocialBot.Networks.Tests.Support;
using SocialBot.Testing;
using SocialBot.Testing.LocalHost;
using Xunit.Abstractions;
using SocialBot.Testing.Networks;

namespace SocialBot.Networks.Tests.EndToEnd;

/// <summary>The PollNetworks timer on the local host with Mastodon: one public mention after hours, one reply in its thread.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PollNetworksMastodonTests : IAsyncLifetime
{
    private const string Token = "mastodon-token-test";
    private const string StatusId = "113555000000000001";

    private readonly AzuriteFixture _azurite;
    private readonly ITestOutputHelper _output;
    private readonly SteppedClock _clock = new(FixedClock.AfterHours.GetUtcNow());
    private long _firstPoll;
    private long _replied;
    private ScriptedApi _api = null!;
    private RunningApp _app = null!;

    public PollNetworksMastodonTests(AzuriteFixture azurite, ITestOutputHelper output)
    {
        _azurite = azurite;
        _output = output;
    }

    public async Task InitializeAsync()
    {
        await _azurite.ResetAsync();
        // The public mention of the fixture (the other one is a direct message), five minutes before the clock, asking
        // something no quick answer covers (so the reply is the plain after-hours acknowledgement).
        using var fixture = JsonDocument.Parse(Fixtures.Read("mastodon-notifications.json"));
        var notifications = "[" + fixture.RootElement[1].GetRawText()
            .Replace("2026-11-30T22:10:00.000Z", "2026-11-24T01:55:00.000Z", StringComparison.Ordinal)
            .Replace("are you open on Sunday?", "where is my parcel?", StringComparison.Ordinal) + "]";
        _api = await ScriptedApi.StartAsync();
        _api.Handler = (request, _) =>
        {
            if (request.Authorization != "Bearer " + Token)
            {
                return (401, """{ "error": "The access token is invalid" }""", null);
            }

            if (request.Path.StartsWith("/api/v1/accounts/verify_credentials", StringComparison.Ordinal))
            {
                return (200, Fixtures.Read("mastodon-account.json"), null);
            }

            if (request.Path.StartsWith("/api/v1/notifications", StringComparison.Ordinal))
            {
                Interlocked.CompareExchange(ref _firstPoll, Stopwatch.GetTimestamp(), 0);
                return (200, notifications, null);
            }

            if (request.Method == "POST" && request.Path == "/api/v1/statuses")
            {
                Interlocked.CompareExchange(ref _replied, Stopwatch.GetTimestamp(), 0);
                return (200, Fixtures.Read("mastodon-status-created.json"), null);
            }

            return (404, """{ "error": "Record not found" }""", null);
        };
        _app = await RunningApp.StartAsync(_azurite, _clock, settings: new Dictionary<string, string?>
        {
            ["SocialBot:Networks:Mastodon:InstanceUrl"] = _api.BaseUrl,
            ["SocialBot:Networks:Mastodon:AccessToken"] = Token,
            ["SocialBot:Networks:PollSchedule"] = "*/1 * * * * *",
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Timer_ShouldPollMastodonAndReplyOnceInTheThread_WhenAMentionArrivesAfterHours()
    {
        // Act
        await TimerRun.ReplyThenPollAgainAsync(_app, _clock, "Mastodon", () => Posts().Count, Polls);

        // Assert
        var post = Assert.Single(Posts());
        using var body = JsonDocument.Parse(post.Body);
        Assert.Equal(StatusId, body.RootElement.GetProperty("in_reply_to_id").GetString());
        Assert.Contains("9:00 AM", body.RootElement.GetProperty("status").GetString(), StringComparison.Ordinal); // back at Tuesday 09:00 in New York
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Mastodon poll-to-reply latency: {Stopwatch.GetElapsedTime(_firstPoll, _replied).TotalMilliseconds:F0} ms"));
    }

    private List<SocialBot.Testing.Bot.RecordedRequest> Posts() => _api.Requests.Where(request => request.Method == "POST").ToList();

    private int Polls() => _api.Requests.Count(request => request.Path.StartsWith("/api/v1/notifications", StringComparison.Ordinal));
}
