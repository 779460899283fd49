using Moq;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Sentiment.Evaluation;

namespace SocialBot.Core.Tests.Sentiment.Evaluation;

public sealed class SentimentEvaluatorTests
{
    private static LabeledText Row(SentimentLabel label, string text) => new() { Label = label, Text = text };

    private static SentimentResult Verdict(SentimentLabel label) => new() { Label = label, Score = 0, Analyzer = "fake" };

    /// <summary>An analyzer that answers from a table, text → label, and records the batch sizes it was given.</summary>
    private static Mock<ISentimentAnalyzer> FakeAnalyzer(Dictionary<string, SentimentLabel> answers, List<int> batches)
    {
        var analyzer = new Mock<ISentimentAnalyzer>();
        analyzer.Setup(a => a.Name).Returns("fake");
        analyzer
            .Setup(a => a.AnalyzeBatchAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<string> texts, CancellationToken _) =>
            {
                batches.Add(texts.Count);
                return texts.Select(t => Verdict(answers[t])).ToArray();
            });
        return analyzer;
    }

    [Fact]
    public async Task EvaluateAsync_ShouldComputeHandWorkedFigures_WhenSetIsSmall()
    {
        // gold:      negative  negative  positive  neutral
        // predicted: negative  positive  positive  mixed (counts as neutral)
        LabeledText[] data =
        [
            Row(SentimentLabel.Negative, "a"), Row(SentimentLabel.Negative, "b"),
            Row(SentimentLabel.Positive, "c"), Row(SentimentLabel.Neutral, "d"),
        ];
        var answers = new Dictionary<string, SentimentLabel>
        {
            ["a"] = SentimentLabel.Negative, ["b"] = SentimentLabel.Positive,
            ["c"] = SentimentLabel.Positive, ["d"] = SentimentLabel.Mixed,
        };
        var analyzer = FakeAnalyzer(answers, []);

        var report = await SentimentEvaluator.EvaluateAsync(analyzer.Object, data);

        Assert.Equal(4, report.N);
        Assert.Equal(0.75, report.Accuracy, 6);

        // negative: P 1/1, R 1/2, F1 2/3; positive: P 1/2, R 1, F1 2/3; neutral: P 1, R 1, F1 1
        Assert.Equal(1.0, report.Negative.Precision, 6);
        Assert.Equal(0.5, report.Negative.Recall, 6);
        Assert.Equal(2.0 / 3, report.Negative.F1, 6);
        Assert.Equal((2.0 / 3 + 2.0 / 3 + 1) / 3, report.MacroF1, 6);
        Assert.Equal(1, report.Confusion["negative"]["negative"]);
        Assert.Equal(1, report.Confusion["negative"]["positive"]);
        Assert.Equal(1, report.Confusion["positive"]["positive"]);
        Assert.Equal(1, report.Confusion["neutral"]["mixed"]);
        Assert.True(report.TextsPerSecond > 0);
    }

    [Fact]
    public async Task EvaluateAsync_ShouldAverageOnlyPresentLabels_WhenGoldIsBinary()
    {
        LabeledText[] data = [Row(SentimentLabel.Negative, "a"), Row(SentimentLabel.Positive, "c")];
        var answers = new Dictionary<string, SentimentLabel> { ["a"] = SentimentLabel.Neutral, ["c"] = SentimentLabel.Positive };

        var report = await SentimentEvaluator.EvaluateAsync(FakeAnalyzer(answers, []).Object, data);

        // negative F1 0 (missed), positive F1 1; neutral is absent from gold and not averaged
        Assert.Equal(0.5, report.MacroF1, 6);
        Assert.Equal(0, report.Negative.F1);
        Assert.Equal(0.5, report.Accuracy, 6);
    }

    [Fact]
    public async Task EvaluateAsync_ShouldCallAnalyzerInBatchesAndReportProgress_WhenSetIsLarge()
    {
        var data = Enumerable.Range(0, 25).Select(i => Row(SentimentLabel.Neutral, $"t{i}")).ToArray();
        var answers = data.ToDictionary(r => r.Text, _ => SentimentLabel.Neutral);
        var batches = new List<int>();
        var progress = new RecordingProgress();

        var report = await SentimentEvaluator.EvaluateAsync(FakeAnalyzer(answers, batches).Object, data, progress);

        Assert.Equal([10, 10, 5], batches);
        Assert.Equal([10, 20, 25], progress.Values);
        Assert.Equal(1.0, report.Accuracy);
    }

    [Fact]
    public async Task EvaluateAsync_ShouldThrow_WhenCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        LabeledText[] data = [Row(SentimentLabel.Negative, "still waiting")];

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => SentimentEvaluator.EvaluateAsync(new EmbeddedSentimentAnalyzer(), data, cancellationToken: cancellation.Token));
    }

    private sealed class RecordingProgress : IProgress<int>
    {
        public List<int> Values { get; } = [];

        public void Report(int value) => Values.Add(value);
    }
}
