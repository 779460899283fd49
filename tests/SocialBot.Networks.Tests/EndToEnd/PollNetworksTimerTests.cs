using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SocialBot.Networks.Tests.Support;
using SocialBot.Testing;
using SocialBot.Testing.LocalHost;
using Xunit.Abstractions;
using SocialBot.Testing.Networks;

namespace SocialBot.Networks.Tests.EndToEnd;

/// <summary>
/// The PollNetworks timer on the real local host over Azurite: a mention on the fake X API after hours is polled by the
/// timer, triaged and answered in its thread once; a later poll that sees the same mention again posts nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PollNetworksTimerTests : IAsyncLifetime
{
    private const string MentionId = "1900000000000000101";

    // One mention five minutes before FixedClock.AfterHours (Monday 21:00 in New York), returned on every poll
    // (also after since_id), as if X showed it again.
    private static readonly string Mention = $$"""
        { "data": [ { "id": "{{MentionId}}", "author_id": "2244994945", "conversation_id": "{{MentionId}}", "created_at": "2026-11-24T01:55:00.000Z", "text": "@MarketHall are you open on Sunday?" } ],
          "includes": { "users": [ { "id": "2244994945", "name": "Dana Scully", "username": "dscully" } ] }, "meta": { "newest_id": "{{MentionId}}", "result_count": 1 } }
        """;

    private readonly AzuriteFixture _azurite;
    private readonly ITestOutputHelper _output;
    private readonly ConcurrentQueue<(bool Post, long At)> _arrivals = new();
    private readonly SteppedClock _clock = new(FixedClock.AfterHours.GetUtcNow());
    private FakeXApi _x = null!;
    private RunningApp _app = null!;

    public PollNetworksTimerTests(AzuriteFixture azurite, ITestOutputHelper output)
    {
        _azurite = azurite;
        _output = output;
    }

    public async Task InitializeAsync()
    {
        await _azurite.ResetAsync();
        _x = await FakeXApi.StartAsync();
        _x.Handler = (request, _) =>
        {
            var mentions = request.Path.Contains("/mentions", StringComparison.Ordinal);
            if (mentions || request.Method == "POST")
            {
                _arrivals.Enqueue((request.Method == "POST", Stopwatch.GetTimestamp()));
            }

            return request.Method == "POST"
                ? (201, Fixtures.Read("x-post-created.json"), null)
                : (200, mentions ? Mention : """{ "meta": { "result_count": 0 } }""", null);
        };
        var settings = _x.Settings(("SocialBot:Networks:PollSchedule", "*/1 * * * * *"));
        _app = await RunningApp.StartAsync(_azurite, _clock, settings: settings);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _x.DisposeAsync();
    }

    [Fact]
    public async Task Timer_ShouldPollXAndReplyOnceInTheThread_WhenAMentionArrivesAfterHours()
    {
        // Act: the timer polls, the mention is triaged and answered; then the poll interval passes and the timer polls again.
        await TimerRun.ReplyThenPollAgainAsync(_app, _clock, "X", () => Posts().Count, Gets);

        // Assert
        Assert.Equal(0, _x.BadSignatures);
        var post = Assert.Single(Posts());
        using var reply = JsonDocument.Parse(post.Body);
        Assert.Equal(MentionId, reply.RootElement.GetProperty("reply").GetProperty("in_reply_to_tweet_id").GetString());
        var text = reply.RootElement.GetProperty("text").GetString();
        Assert.Contains("9:00 AM", text, StringComparison.Ordinal); // back at the next staffed hour: Tuesday 09:00 in New York
        Assert.Equal(1, (await _app.Status.ReadAsync()).Acknowledged);
        var arrivals = _arrivals.ToArray();
        var firstPoll = arrivals.First(arrival => !arrival.Post).At;
        var replied = arrivals.First(arrival => arrival.Post).At;
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"X poll-to-reply latency: {Stopwatch.GetElapsedTime(firstPoll, replied).TotalMilliseconds:F0} ms"));
    }

    private List<SocialBot.Testing.Bot.RecordedRequest> Posts() => _x.Requests.Where(request => request.Method == "POST").ToList();

    private int Gets() => _x.Requests.Count(request => request.Method == "GET" && request.Path.Contains("/mentions", StringComparison.Ordinal));
}
