using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SocialBot.Testing;
using SocialBot.Testing.LocalHost;
using SocialBot.Testing.Networks;
using Xunit.Abstractions;

namespace SocialBot.Networks.Tests.EndToEnd;

/// <summary>
/// The PollNetworks timer on the local host with Bluesky: a mention on the fake PDS after hours is polled (after
/// createSession with the app password), triaged and answered once with a reply record whose reply.root and
/// reply.parent strong refs name the mention; a later poll that sees the same notification again posts nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PollNetworksBlueskyTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private readonly ITestOutputHelper _output;
    private readonly SteppedClock _clock = new(FixedClock.AfterHours.GetUtcNow());
    private FakeBlueskyApi _bluesky = null!;
    private RunningApp _app = null!;
    private FakeMention _mention = null!;

    public PollNetworksBlueskyTests(AzuriteFixture azurite, ITestOutputHelper output)
    {
        _azurite = azurite;
        _output = output;
    }

    public async Task InitializeAsync()
    {
        await _azurite.ResetAsync();
        _bluesky = await FakeBlueskyApi.StartAsync();
        _bluesky.Time = _clock;

        // Something no quick answer covers, so the reply is the plain after-hours acknowledgement.
        _mention = _bluesky.AddMention("@markethall.bsky.social where is my parcel? I ordered last week", "dana.bsky.social", "Dana");
        var settings = new Dictionary<string, string?>(_bluesky.Settings()) { ["SocialBot:Networks:PollSchedule"] = "*/1 * * * * *" };
        _app = await RunningApp.StartAsync(_azurite, _clock, settings: settings);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _bluesky.DisposeAsync();
    }

    [Fact]
    public async Task Timer_ShouldPollBlueskyAndReplyOnceWithStrongRefs_WhenAMentionArrivesAfterHours()
    {
        // Act
        await TimerRun.ReplyThenPollAgainAsync(_app, _clock, "Bluesky", () => _bluesky.Posts.Count, Polls);

        // Assert
        Assert.Equal(0, _bluesky.Rejected);
        Assert.Equal(1, _bluesky.Sessions);
        var create = Assert.Single(_bluesky.ApiRequests, request => request.Path == "/xrpc/com.atproto.repo.createRecord");
        using var body = JsonDocument.Parse(create.Body);
        var record = body.RootElement.GetProperty("record");
        var reply = record.GetProperty("reply");
        foreach (var reference in new[] { reply.GetProperty("root"), reply.GetProperty("parent") })
        {
            Assert.Equal(_mention.Id, reference.GetProperty("uri").GetString());
            Assert.Equal(_mention.Cid, reference.GetProperty("cid").GetString());
        }

        var text = record.GetProperty("text").GetString();
        Assert.True(text!.Length <= 300, text); // Bluesky's limit (graphemes; the text is ASCII here)
        Assert.Contains("9:00 AM", text, StringComparison.Ordinal); // back at the next staffed hour: Tuesday 09:00 in New York
        var post = Assert.Single(_bluesky.Posts);
        Assert.Equal(_mention.Id, post.InReplyTo);
        Assert.Equal(1, (await _app.Status.ReadAsync()).Acknowledged);
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Bluesky mention-visible-to-reply: {Stopwatch.GetElapsedTime(_mention.VisibleAt, post.ReceivedTimestamp).TotalMilliseconds:F0} ms"));
    }

    private int Polls() => _bluesky.ApiRequests.Count(request => request.Path.StartsWith("/xrpc/app.bsky.notification.listNotifications", StringComparison.Ordinal));
}
