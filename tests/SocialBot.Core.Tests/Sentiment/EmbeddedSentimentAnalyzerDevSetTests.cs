using SocialBot.Core.Sentiment;
using SocialBot.Core.Sentiment.Evaluation;

namespace SocialBot.Core.Tests.Sentiment;

/// <summary>
/// Quality floors on the development sets in ../shared/data/sentiment (beside the repository). The sets are not
/// optional: when the folder is missing the test fails and says where it looked.
/// </summary>
public sealed class EmbeddedSentimentAnalyzerDevSetTests
{
    /// <summary>Reference VADER's 3-class accuracy on its own tweets; we must not lose it to the care cues.</summary>
    private const double VaderTweetsAccuracyFloor = 0.89;

    /// <summary>Measured 0.789 (P 0.971, R 0.664) when the cues were written; the floor leaves a small margin.</summary>
    private const double AmazonNegativeF1Floor = 0.76;

    private readonly EmbeddedSentimentAnalyzer _analyzer = new();

    [Fact]
    public async Task Evaluate_ShouldReachVaderAccuracy_WhenScoringVaderTweets()
    {
        var data = await LabeledTextReader.ReadFileAsync(DataFile("dev-vader-tweets.tsv"));

        var report = await SentimentEvaluator.EvaluateAsync(_analyzer, data);

        Assert.True(report.N > 4000, $"Expected the full set, read {report.N} rows.");
        Assert.True(report.Accuracy >= VaderTweetsAccuracyFloor, $"Accuracy {report.Accuracy:F4} is below {VaderTweetsAccuracyFloor}.");
    }

    [Fact]
    public async Task Evaluate_ShouldKeepNegativeF1AboveFloor_WhenScoringProductReviews()
    {
        var data = await LabeledTextReader.ReadFileAsync(DataFile("dev-uci-amazon.tsv"));

        var report = await SentimentEvaluator.EvaluateAsync(_analyzer, data);

        Assert.True(
            report.Negative.F1 >= AmazonNegativeF1Floor,
            $"Negative F1 {report.Negative.F1:F4} (P {report.Negative.Precision:F3}, R {report.Negative.Recall:F3}) is below {AmazonNegativeF1Floor}.");
    }

    private static string DataFile(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SocialBot.sln")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, $"No folder containing SocialBot.sln above {AppContext.BaseDirectory}.");
        var folder = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", "sentiment"));
        var path = Path.Combine(folder, name);
        Assert.True(File.Exists(path), $"Sentiment dev set missing: {path}. The dev sets live in ../shared/data/sentiment beside the repository.");
        return path;
    }
}
