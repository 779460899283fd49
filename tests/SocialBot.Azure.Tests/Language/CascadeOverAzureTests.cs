using Microsoft.Extensions.Time.Testing;
using Moq;
using SocialBot.Azure.Language;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Sentiment.Cascade;

namespace SocialBot.Azure.Tests.Language;

/// <summary>The cascade over the real Azure adapter and a fake service: the failure contract between the two.</summary>
public sealed class CascadeOverAzureTests : IAsyncLifetime
{
    private readonly Mock<ISentimentAnalyzer> _local = new();
    private FakeLanguageServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeLanguageServer.StartAsync();
        _local.SetupGet(a => a.Name).Returns("embedded");
        _local.Setup(a => a.AnalyzeBatchAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<string> texts, CancellationToken _) =>
                [.. texts.Select(_ => new SentimentResult { Label = SentimentLabel.Neutral, Score = 0.0, Analyzer = "embedded" })]);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AnalyzeBatchAsync_ShouldFallBackOnlyForRejectedDocument_WhenAzureRejectsOne()
    {
        _server.EnqueuePayload(200, "document-error.json");
        CascadeSentimentAnalyzer cascade = CreateCascade();

        IReadOnlyList<SentimentResult> results = await cascade.AnalyzeBatchAsync(["Thanks for the upgrade!", "Danke"]);

        Assert.Equal("azure", results[0].Analyzer);
        Assert.Equal(SentimentLabel.Positive, results[0].Label);
        Assert.Equal("embedded", results[1].Analyzer);
        Assert.Equal("cascade: azure failed (document) → embedded", results[1].Cues[0]);
        Assert.Equal(CircuitState.Closed, cascade.Statistics.BreakerState);
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldFallBackWithStatusCue_WhenAzureStaysThrottled()
    {
        _server.EnqueuePayload(429, "error-429.json", ("retry-after-ms", "5"));
        CascadeSentimentAnalyzer cascade = CreateCascade();

        SentimentResult result = await cascade.AnalyzeAsync("Still no update on my refund");

        Assert.Equal("embedded", result.Analyzer);
        Assert.Equal("cascade: azure failed (429) → embedded", result.Cues[0]);
        Assert.Equal(1, cascade.Statistics.RemoteFailures);
    }

    private CascadeSentimentAnalyzer CreateCascade()
    {
        var options = new LanguageOptions { Endpoint = _server.Endpoint.ToString(), ApiKey = "key", MaxRetries = 0, RetryDelay = TimeSpan.FromMilliseconds(10), RetryMaxDelay = TimeSpan.FromMilliseconds(50) };
        var azure = new AzureLanguageSentimentAnalyzer(options, LanguagePipeline.Create(options), new ListLogger<AzureLanguageSentimentAnalyzer>());
        return new CascadeSentimentAnalyzer(_local.Object, azure, new CascadeOptions(), new FakeTimeProvider());
    }
}
