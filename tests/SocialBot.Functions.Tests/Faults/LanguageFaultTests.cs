using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SocialBot.Core.Processing;
using SocialBot.Core.Serialization;
using SocialBot.Testing.Bot;

namespace SocialBot.Functions.Tests.Faults;

/// <summary>Azure AI Language failing under the cascade in the running app: every mention still gets its one outcome, decided by the embedded analyzer.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class LanguageFaultTests : IAsyncLifetime
{
    private static readonly string[] Texts =
    [
        "@ContosoCare I have a question about my account",
        "@ContosoCare the app is ok I guess",
        "@ContosoCare I have a question about my last invoice",
        "@ContosoCare the new update is ok I guess",
        "@ContosoCare this is the worst service ever, I am furious and want a refund now",
        "@ContosoCare thank you so much, you are amazing!",
    ];

    /// <summary>The first texts score inside the widened uncertain band; the last two are clearly negative and positive.</summary>
    private const int Uncertain = 4;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private readonly AzuriteFixture _azurite;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LanguageFaultTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
    }

    public Task InitializeAsync() => _azurite.ResetAsync();

    public Task DisposeAsync()
    {
        _release.TrySetResult();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("429")]
    [InlineData("500")]
    [InlineData("timeout")]
    public async Task Cascade_ShouldFallBackToEmbeddedForEveryMention_WhenAzureLanguageFails(string fault)
    {
        // Arrange
        await using var language = await FakeHttpServer.StartAsync((context, _, _) => AnswerAsync(context, fault));
        for (var i = 0; i < Texts.Length; i++)
        {
            await EnqueueAsync($"language-{fault}-{i}", Texts[i]);
        }

        // Act
        await using var app = await FaultApp.StartAsync(_azurite, settings: new Dictionary<string, string?>
        {
            ["SocialBot:Sentiment:Analyzer"] = "cascade",
            ["SocialBot:Language:Endpoint"] = language.BaseUrl,
            ["SocialBot:Language:ApiKey"] = "test-key",
            ["SocialBot:Language:MaxRetries"] = "1",
            ["SocialBot:Language:RetryDelay"] = "00:00:00.010",
            ["SocialBot:Language:TimeoutSeconds"] = "1",
            ["SocialBot:Sentiment:Cascade:UncertainHigh"] = "0.35",
        });
        var drained = await TestQueues.EventuallyAsync(
            async () => await app.Status.ReadAsync() is { Pending: 0 } status && status.HandedOff + status.Ignored == Texts.Length,
            Limit);

        // Assert
        var final = await app.Status.ReadAsync();
        Assert.True(drained, $"{fault}: did not drain: received {final.Received}, handed off {final.HandedOff}, ignored {final.Ignored}, pending {final.Pending}");
        FaultApp.AssertAddsUp(final, Texts.Length);
        Assert.Equal(0, final.Poisoned);
        Assert.NotEmpty(language.Requests);
        Assert.All(language.Requests, request => Assert.Contains("/language/:analyze-text", request.Path, StringComparison.Ordinal));
        var tickets = await TicketsAsync();
        Assert.NotEmpty(tickets);
        var expected = fault == "timeout" ? "azure failed (timeout)" : $"azure failed ({fault})";
        // At-least-once: a mention redelivered while its first delivery was still deciding queues its ticket again under
        // the same id, and the desk keeps one per id; so count handoffs, not queue messages.
        Assert.Equal(Texts.Length, tickets.Select(ticket => ticket.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(tickets, ticket =>
        {
            Assert.NotNull(ticket.Sentiment);
            Assert.Equal("embedded", ticket.Sentiment.Analyzer);
            var uncertain = int.Parse(ticket.Mention.Id.Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture) < Uncertain;
            var cue = ticket.Sentiment.Cues[0];
            Assert.True(
                uncertain
                    ? cue.Contains(expected, StringComparison.Ordinal) || cue.Contains("circuit open", StringComparison.Ordinal)
                    : cue.Contains("confident local score", StringComparison.Ordinal),
                $"{ticket.Id} (uncertain: {uncertain}): {cue}");
        });
        Console.WriteLine($"language {fault}: {language.Requests.Count} requests, {tickets.Count} tickets: {string.Join("; ", tickets.Select(t => t.Sentiment!.Cues[0]))}");
    }

    private async Task AnswerAsync(HttpContext context, string fault)
    {
        switch (fault)
        {
            case "429":
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "0";
                await context.Response.WriteAsync("""{"error":{"code":"429","message":"Rate limit is exceeded."}}""");
                break;
            case "500":
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("""{"error":{"code":"InternalServerError","message":"Internal error."}}""");
                break;
            default:
                try
                {
                    await _release.Task.WaitAsync(context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, as it should.
                }

                break;
        }
    }

    private async Task EnqueueAsync(string id, string text)
    {
        var mention = JsonNode.Parse(TestQueues.Sample("shipping-question.json"))!;
        mention["id"] = id;
        mention["conversationId"] = id + "-conversation";
        mention["text"] = text;
        await TestQueues.EnqueueAsync(_azurite, "mentions", mention.ToJsonString());
    }

    private async Task<List<HandoffTicket>> TicketsAsync()
    {
        var texts = (await TestQueues.PeekAsync(_azurite, "handoffs")).Concat(await TestQueues.PeekAsync(_azurite, "handoffs-urgent"));
        return texts.Select(text => JsonSerializer.Deserialize<HandoffTicket>(text, SocialBotJson.Options)!).ToList();
    }
}
