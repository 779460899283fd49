using SocialBot.Core.Sentiment;
using SocialBot.Models.Sentiment;

namespace SocialBot.Models.Tests;

/// <summary>The shipped head over the real model on clear cases, and the training command's reproducibility (slow: Category=Model).</summary>
[Collection(ModelCollection.Name)]
[Trait("Category", "Model")]
public sealed class HybridModelTests(SharedModel model)
{
    /// <summary>The fixture head was written by the same trainer on this subset; weights may differ only by float noise.</summary>
    private const int SubsetRows = 60;
    private const int SubsetEpochs = 60;
    private const float Tolerance = 1e-3f;

    [Theory]
    [InlineData("I've been charged twice for the same order and nobody has replied to my emails", SentimentLabel.Negative)]
    [InlineData("Sat on the tarmac for three hours, no food, no information. Never flying with you again", SentimentLabel.Negative)]
    [InlineData("Thank you so much, the crew were wonderful and my bags arrived early!", SentimentLabel.Positive)]
    [InlineData("Just wanted to say your support team sorted everything out in minutes, brilliant", SentimentLabel.Positive)]
    [InlineData("What time does the store on Main Street open on Sundays?", SentimentLabel.Neutral)]
    public async Task Analyze_ShouldLabelClearCases_WithTheShippedHead(string text, SentimentLabel expected)
    {
        var analyzer = new HybridSentimentAnalyzer(model.Embedder, HybridHead.LoadShipped(), new EmbeddedSentimentAnalyzer(), lexiconSure: 1.01);

        var result = await analyzer.AnalyzeAsync(text);

        Assert.True(expected == result.Label, $"{text}: {result.Label} {result.Score:F2} ({string.Join("; ", result.Cues)})");
        Assert.Equal("hybrid", result.Analyzer);
    }

    [Fact]
    public async Task Train_ShouldReproduceTheFixtureHead_WhenRunOnTheSameSubset()
    {
        var trainer = new HybridTrainer(model.Embedder, new EmbeddedSentimentAnalyzer());

        var head = await trainer.TrainAsync(new HybridTrainingOptions
        {
            DataDirectory = SentimentData.Folder(),
            MaxRowsPerFile = SubsetRows,
            Epochs = SubsetEpochs,
            Command = "socialbot train sentiment --data-dir <sentiment data> --seed 17 --epochs 60 --max-rows-per-file 60",
        });

        HybridHead expected;
        await using (var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "subset-head.json")))
        {
            expected = HybridHead.Load(stream);
        }

        Assert.Equal(expected.Training.ClassWeighting, head.Training.ClassWeighting);
        Assert.Equal(expected.Training.L2, head.Training.L2);
        Assert.Equal(expected.NegativeThreshold, head.NegativeThreshold);
        Assert.Equal(expected.LexiconSure, head.LexiconSure);
        Assert.Equal(expected.Training.Data, head.Training.Data);
        for (var c = 0; c < 3; c++)
        {
            Assert.InRange(head.Bias[c], expected.Bias[c] - Tolerance, expected.Bias[c] + Tolerance);
            for (var j = 0; j < head.Weights[c].Length; j++)
            {
                Assert.InRange(head.Weights[c][j], expected.Weights[c][j] - Tolerance, expected.Weights[c][j] + Tolerance);
            }
        }
    }
}
