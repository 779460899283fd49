using Microsoft.Extensions.Time.Testing;
using Moq;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Sentiment.Cascade;

namespace SocialBot.Core.Tests.Sentiment.Cascade;

public sealed class CascadeSentimentAnalyzerTests
{
    private const string Confident = "I love this, thank you so much!";
    private const string Uncertain = "3 hours on the tarmac and still no update";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
    private readonly Mock<ISentimentAnalyzer> _local = new(MockBehavior.Strict);
    private readonly Mock<ISentimentAnalyzer> _remote = new(MockBehavior.Strict);
    private readonly CascadeOptions _options = new() { FailureThreshold = 2, BreakDuration = TimeSpan.FromSeconds(30) };

    public CascadeSentimentAnalyzerTests()
    {
        _local.SetupGet(a => a.Name).Returns("embedded");
        _remote.SetupGet(a => a.Name).Returns("azure");
        _local.Setup(a => a.AnalyzeBatchAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<string> texts, CancellationToken _) => [.. texts.Select(LocalVerdict)]);
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldNotCallRemote_WhenLocalScoreIsConfident()
    {
        var cascade = CreateCascade();

        SentimentResult result = await cascade.AnalyzeAsync(Confident);

        Assert.Equal("embedded", result.Analyzer);
        Assert.Equal(SentimentLabel.Positive, result.Label);
        Assert.StartsWith("cascade: confident local score 0.80 → embedded", result.Cues[0], StringComparison.Ordinal);
        _remote.Verify(a => a.AnalyzeBatchAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AnalyzeBatchAsync_ShouldSendOnlyUncertainTextsToRemote_InOneBatch()
    {
        IReadOnlyList<string>? sent = null;
        _remote.Setup(a => a.AnalyzeBatchAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .Callback((IReadOnlyList<string> texts, CancellationToken _) => sent = texts)
            .ReturnsAsync((IReadOnlyList<string> texts, CancellationToken _) => [.. texts.Select(_ => RemoteVerdict())]);
        var cascade = CreateCascade();

        IReadOnlyList<SentimentResult> results = await cascade.AnalyzeBatchAsync([Confident, Uncertain, Confident, Uncertain + "!"]);

        Assert.Equal([Uncertain, Uncertain + "!"], sent);
        Assert.Equal(["embedded", "azure", "embedded", "azure"], results.Select(r => r.Analyzer));
        Assert.Equal(SentimentLabel.Negative, results[1].Label);
        Assert.Equal("cascade: uncertain local score -0.12 → azure", results[1].Cues[0]);
        Assert.Contains("azure: negative 0.93", results[1].Cues);
        _remote.Verify(a => a.AnalyzeBatchAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldAskRemote_WhenCareCueHasNoNegativeLabel()
    {
        _local.Setup(a => a.AnalyzeBatchAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new SentimentResult { Label = SentimentLabel.Positive, Score = 0.6, Analyzer = "embedded", Cues = ["waiting: \"still waiting\""] }]);
        SetupRemoteSuccess();
        var cascade = CreateCascade();

        SentimentResult result = await cascade.AnalyzeAsync("Still waiting, great service as always");

        Assert.Equal("azure", result.Analyzer);
        Assert.Equal("cascade: care cue 'waiting' without negative label → azure", result.Cues[0]);
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldReturnLocalResultWithCue_WhenRemoteIsThrottled()
    {
        _remote.Setup(a => a.AnalyzeBatchAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RemoteSentimentException("Too many requests", 429, "TooManyRequests"));
        var cascade = CreateCascade();

        SentimentResult result = await cascade.AnalyzeAsync(Uncertain);

        Assert.Equal("embedded", result.Analyzer);
        Assert.Equal(-0.12, result.Score);
        Assert.Equal("cascade: azure failed (429) → embedded", result.Cues[0]);
        Assert.Equal(1, cascade.Statistics.Fallbacks);
        Assert.Equal(1, cascade.Statistics.RemoteFailures);
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldFallBack_WhenRemoteTimesOut()
    {
        _remote.Setup(a => a.AnalyzeBatchAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyList<string> _, CancellationToken ct) => NeverAnswer(ct));
        var cascade = CreateCascade();

        Task<SentimentResult> pending = cascade.AnalyzeAsync(Uncertain);
        Assert.False(pending.IsCompleted);
        _time.Advance(_options.RemoteTimeout);
        SentimentResult result = await pending;

        Assert.Equal("embedded", result.Analyzer);
        Assert.Equal("cascade: azure failed (timeout) → embedded", result.Cues[0]);
    }

    [Fact]
    public async Task AnalyzeBatchAsync_ShouldKeepRemoteAnswersAndFallBackPerDocument_WhenSomeDocumentsFail()
    {
        _remote.Setup(a => a.AnalyzeBatchAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RemoteSentimentException("Invalid document", 200, "InvalidDocument", [RemoteVerdict(), null]));
        var cascade = CreateCascade();

        IReadOnlyList<SentimentResult> results = await cascade.AnalyzeBatchAsync([Uncertain, Uncertain + "?"]);

        Assert.Equal("azure", results[0].Analyzer);
        Assert.Equal("embedded", results[1].Analyzer);
        Assert.Equal("cascade: azure failed (document) → embedded", results[1].Cues[0]);
        Assert.Equal(CircuitState.Closed, cascade.Statistics.BreakerState);
        Assert.Equal(0, cascade.Statistics.RemoteFailures);
        Assert.Equal(1, cascade.Statistics.Fallbacks);
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldOpenCircuitAndStopCallingRemote_AfterThresholdFailures()
    {
        var cascade = await CreateOpenCascadeAsync();

        _time.Advance(TimeSpan.FromSeconds(29));
        SentimentResult result = await cascade.AnalyzeAsync(Uncertain);

        Assert.Equal(CircuitState.Open, cascade.Statistics.BreakerState);
        Assert.Equal("cascade: circuit open → embedded", result.Cues[0]);
        _remote.Verify(a => a.AnalyzeBatchAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldTryRemoteOnceAndClose_WhenBreakIsOver()
    {
        var cascade = await CreateOpenCascadeAsync();
        SetupRemoteSuccess();

        _time.Advance(_options.BreakDuration);
        Assert.Equal(CircuitState.HalfOpen, cascade.Statistics.BreakerState);
        SentimentResult result = await cascade.AnalyzeAsync(Uncertain);

        Assert.Equal("azure", result.Analyzer);
        Assert.Equal(CircuitState.Closed, cascade.Statistics.BreakerState);
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldReopenCircuit_WhenHalfOpenTrialFails()
    {
        var cascade = await CreateOpenCascadeAsync();

        _time.Advance(_options.BreakDuration);
        await cascade.AnalyzeAsync(Uncertain);
        SentimentResult afterTrial = await cascade.AnalyzeAsync(Uncertain);

        Assert.Equal(CircuitState.Open, cascade.Statistics.BreakerState);
        Assert.Equal("cascade: circuit open → embedded", afterTrial.Cues[0]);
        _remote.Verify(a => a.AnalyzeBatchAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldLetOnlyOneTrialThrough_WhileHalfOpen()
    {
        var cascade = await CreateOpenCascadeAsync();
        var trial = new TaskCompletionSource<IReadOnlyList<SentimentResult>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _remote.Setup(a => a.AnalyzeBatchAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>())).Returns(trial.Task);
        _time.Advance(_options.BreakDuration);

        Task<SentimentResult> trialCall = cascade.AnalyzeAsync(Uncertain);
        SentimentResult concurrent = await cascade.AnalyzeAsync(Uncertain);
        trial.SetResult([RemoteVerdict()]);
        SentimentResult trialResult = await trialCall;

        Assert.Equal("cascade: circuit open → embedded", concurrent.Cues[0]);
        Assert.Equal("azure", trialResult.Analyzer);
        Assert.Equal(CircuitState.Closed, cascade.Statistics.BreakerState);
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldCountEveryText_WhenCalledConcurrently()
    {
        SetupRemoteSuccess();
        var cascade = CreateCascade();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => cascade.AnalyzeAsync(i % 2 == 0 ? Confident : Uncertain))));

        CascadeStatistics statistics = cascade.Statistics;
        Assert.Equal(200, statistics.TextsSeen);
        Assert.Equal(100, statistics.TextsSentToRemote);
        Assert.Equal(0.5, statistics.ShareSentToRemote);
    }

    [Fact]
    public async Task Statistics_ShouldReportShareSentToRemote()
    {
        SetupRemoteSuccess();
        var cascade = CreateCascade();

        await cascade.AnalyzeBatchAsync([Confident, Uncertain, Confident, Confident]);

        CascadeStatistics statistics = cascade.Statistics;
        Assert.Equal(4, statistics.TextsSeen);
        Assert.Equal(1, statistics.TextsSentToRemote);
        Assert.Equal(0.25, statistics.ShareSentToRemote);
        Assert.Equal(0, statistics.Fallbacks);
    }

    [Fact]
    public void Validate_ShouldNameTheKey_WhenBandIsInverted()
    {
        var options = new CascadeOptions { UncertainLow = 0.5, UncertainHigh = 0.1 };

        var result = new CascadeOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("SocialBot:Sentiment:Cascade:UncertainLow", result.FailureMessage, StringComparison.Ordinal);
    }

    private CascadeSentimentAnalyzer CreateCascade() => new(_local.Object, _remote.Object, _options, _time);

    private async Task<CascadeSentimentAnalyzer> CreateOpenCascadeAsync()
    {
        SetupRemoteFailure();
        var cascade = CreateCascade();
        for (int i = 0; i < _options.FailureThreshold; i++)
        {
            await cascade.AnalyzeAsync(Uncertain);
        }

        return cascade;
    }

    private void SetupRemoteSuccess() =>
        _remote.Setup(a => a.AnalyzeBatchAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<string> texts, CancellationToken _) => [.. texts.Select(_ => RemoteVerdict())]);

    private void SetupRemoteFailure() =>
        _remote.Setup(a => a.AnalyzeBatchAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RemoteSentimentException("Service unavailable", 503, "ServiceUnavailable"));

    private static SentimentResult LocalVerdict(string text) => text.StartsWith(Confident, StringComparison.Ordinal)
        ? new SentimentResult { Label = SentimentLabel.Positive, Score = 0.8, Analyzer = "embedded", Cues = ["love: +3.2"] }
        : new SentimentResult { Label = SentimentLabel.Neutral, Score = -0.12, Analyzer = "embedded" };

    private static SentimentResult RemoteVerdict() =>
        new() { Label = SentimentLabel.Negative, Score = -0.9, Analyzer = "azure", Cues = ["azure: negative 0.93"] };

    private static async Task<IReadOnlyList<SentimentResult>> NeverAnswer(CancellationToken cancellationToken)
    {
        var never = new TaskCompletionSource<IReadOnlyList<SentimentResult>>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using CancellationTokenRegistration registration = cancellationToken.Register(() => never.TrySetCanceled(cancellationToken));
        return await never.Task;
    }
}
