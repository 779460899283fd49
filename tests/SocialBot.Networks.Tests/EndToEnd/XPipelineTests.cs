using System.Text.Json;
using SocialBot.Networks.Tests.Support;
using SocialBot.Testing;
using SocialBot.Testing.Networks;

namespace SocialBot.Networks.Tests.EndToEnd;

/// <summary>X mentions through poll → triage → SendReply over Azurite, against the signature-checking fake X API.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class XPipelineTests : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite;
    private FakeXApi _x = null!;

    public XPipelineTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
    }

    public async Task InitializeAsync() => _x = await FakeXApi.StartAsync();

    public async Task DisposeAsync() => await _x.DisposeAsync();

    [Fact]
    public async Task Pipeline_ShouldReplyOnceInTheThread_WhenPolledTwiceAndTheCursorWriteWasLost()
    {
        // Arrange
        _x.Handler = (request, _) => request.Method == "POST"
            ? (201, Fixtures.Read("x-post-created.json"), null)
            : (200, request.Path.Contains("since_id", StringComparison.Ordinal) ? """{ "meta": { "result_count": 0 } }""" : Fixtures.Read("x-mentions.json"), null);
        using var app = new NetworkPipeline(_azurite, _x.Settings());
        await app.ProvisionAsync();
        var poller = app.Poller("x");

        // Act: poll, triage, send; then the host "dies" before the cursor write (the cursor is lost) and it all runs again.
        await poller.PollAsync();
        await app.TriageAllAsync();
        await app.SendAllAsync();
        await app.Store.SaveAsync((await app.Store.GetAsync("x", "mentions")) with { Cursor = null, LastPollAt = null });
        var again = await poller.PollAsync();
        var secondTriage = await app.TriageAllAsync();
        await app.SendAllAsync();

        // Assert
        Assert.Equal(0, _x.BadSignatures);
        Assert.Equal(2, again.Enqueued);
        Assert.All(secondTriage, summary => Assert.Contains("already processed", summary, StringComparison.Ordinal));
        var posts = _x.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        var inReplyTo = posts.Select(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("reply").GetProperty("in_reply_to_tweet_id").GetString()).Order().ToList();
        Assert.Equal(["1829340000000000001", "1829347281036542391"], inReplyTo);
        Assert.All(posts, p => Assert.Contains("back", JsonDocument.Parse(p.Body).RootElement.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, await app.Store.CountRepliesAsync("x"));
    }

    [Fact]
    public async Task Pipeline_ShouldHandOffWithoutReplying_WhenTheMentionCameFromBrandSearch()
    {
        // Arrange
        _x.Handler = (request, _) => (200, request.Path.StartsWith("/2/tweets/search/recent", StringComparison.Ordinal) ? Fixtures.Read("x-mentions.json") : """{ "meta": { "result_count": 0 } }""", null);
        using var app = new NetworkPipeline(_azurite, _x.Settings(("SocialBot:Networks:X:BrandQueries:0", "\"market hall\"")));
        await app.ProvisionAsync();

        // Act
        await app.Poller("x").PollAsync();
        var triage = await app.TriageAllAsync();

        // Assert
        Assert.Equal(2, triage.Count);
        Assert.All(triage, summary => Assert.DoesNotContain("acknowledged", summary, StringComparison.Ordinal));
        Assert.Equal(0, await app.DepthAsync("replies"));
        Assert.Equal(1, await app.DepthAsync("handoffs-urgent"));
        Assert.Equal(1, await app.DepthAsync("handoffs"));
        Assert.DoesNotContain(_x.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task Pipeline_ShouldStopAutomaticReplies_WhenTheCustomerAnsweredStop()
    {
        // Arrange: the first page is "stop" from the customer, the next poll brings a new question from them.
        const string Stop = """
            { "data": [ { "id": "1900000000000000001", "author_id": "2244994945", "conversation_id": "1900000000000000001", "created_at": "2026-11-30T22:20:00.000Z", "text": "@MarketHall STOP" } ],
              "includes": { "users": [ { "id": "2244994945", "name": "Dana Scully", "username": "dscully" } ] }, "meta": { "newest_id": "1900000000000000001", "result_count": 1 } }
            """;
        const string Question = """
            { "data": [ { "id": "1900000000000000002", "author_id": "2244994945", "conversation_id": "1900000000000000002", "created_at": "2026-11-30T22:40:00.000Z", "text": "@MarketHall where is my order?" } ],
              "includes": { "users": [ { "id": "2244994945", "name": "Dana Scully", "username": "dscully" } ] }, "meta": { "newest_id": "1900000000000000002", "result_count": 1 } }
            """;
        _x.Handler = (request, _) => request.Method == "POST"
            ? (201, Fixtures.Read("x-post-created.json"), null)
            : (200, request.Path.Contains("since_id", StringComparison.Ordinal) ? Question : Stop, null);
        using var app = new NetworkPipeline(_azurite, _x.Settings());
        await app.ProvisionAsync();
        var poller = app.Poller("x");

        // Act
        await poller.PollAsync();
        await app.TriageAllAsync();
        await app.SendAllAsync();
        app.Time.Advance(TimeSpan.FromMinutes(10));
        await poller.PollAsync();
        var triage = await app.TriageAllAsync();
        await app.SendAllAsync();

        // Assert
        Assert.Contains("handed off", Assert.Single(triage), StringComparison.Ordinal);
        Assert.DoesNotContain("acknowledged", triage[0], StringComparison.Ordinal);
        Assert.DoesNotContain(_x.Requests, r => r.Method == "POST");
    }
}
