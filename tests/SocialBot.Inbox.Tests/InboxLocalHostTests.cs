using System.Net;
using System.Text.Json;
using SocialBot.Testing;
using SocialBot.Testing.LocalHost;

namespace SocialBot.Inbox.Tests;

/// <summary>
/// The inbox served by the real local host (the same function classes as the Functions app): a sample mention is triaged
/// and handed off by the pipeline, an agent signs in through the development sign-in and finds it in the queue.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class InboxLocalHostTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private readonly AzuriteFixture _azurite;

    public InboxLocalHostTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
    }

    public Task InitializeAsync() => _azurite.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Handoffs_ShouldListTheHandedOffSampleMention_AfterDevSignInOnTheLocalHost()
    {
        // Arrange
        await using var app = await RunningApp.StartAsync(_azurite, FixedClock.AfterHours, new Dictionary<string, string?>
        {
            ["SocialBot:Inbox:DevSignIn"] = "true",
        });
        await TestQueues.EnqueueAsync(_azurite, "mentions", TestQueues.Sample("refund-complaint.json"));
        var handedOff = await TestQueues.EventuallyAsync(async () => (await app.Status.ReadAsync()) is { Pending: 0, HandedOff: 1 }, Limit);
        using var handler = new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = app.BaseAddress };

        // Act
        using var signIn = await client.GetAsync(new Uri("/inbox/dev-signin?agent=maria&roles=Agent,Supervisor", UriKind.Relative));
        using var handoffs = await client.GetAsync(new Uri("/api/inbox/handoffs", UriKind.Relative));

        // Assert
        Assert.True(handedOff, "the sample mention was never handed off");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/inbox", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, handoffs.StatusCode);
        using var list = JsonDocument.Parse(await handoffs.Content.ReadAsStringAsync());
        var handoff = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal("twitter/1861234567890001", handoff.GetProperty("id").GetString());
        Assert.Equal("1861234567890001", handoff.GetProperty("mentionId").GetString());
    }
}
