using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using SocialBot.Core;
using SocialBot.Core.Embeddings;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Sentiment.Hybrid;
using SocialBot.Models.Embeddings;
using SocialBot.Models.Sentiment;
using SocialBot.Core.Configuration;

namespace SocialBot.Models.Tests;

/// <summary>The lexicon fast path and the head, with a fake embedder (our own port) and a hand-made head.</summary>
public sealed class HybridSentimentAnalyzerTests
{
    private const int Dimensions = 4;

    [Fact]
    public async Task AnalyzeBatch_ShouldNotEmbed_WhenTheLexiconIsSure()
    {
        var embedder = new Mock<ITextEmbedder>(MockBehavior.Strict);
        embedder.SetupGet(e => e.Dimensions).Returns(Dimensions);
        var analyzer = new HybridSentimentAnalyzer(embedder.Object, Head(negativeBias: 0), new EmbeddedSentimentAnalyzer(), lexiconSure: 0.5);

        var result = await analyzer.AnalyzeAsync("This is the worst, most horrible, awful airline ever!!!");

        Assert.Equal(SentimentLabel.Negative, result.Label);
        Assert.Equal("embedded", result.Analyzer);
        Assert.StartsWith("stage lexicon: negative -0.", result.Cues[0], StringComparison.Ordinal);
        Assert.EndsWith("(sure)", result.Cues[0], StringComparison.Ordinal);
        embedder.Verify(e => e.Embed(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal((1L, 0L), analyzer.Decided);
    }

    [Fact]
    public async Task AnalyzeBatch_ShouldAskTheHeadInOneBatch_WhenTheLexiconIsUnsure()
    {
        var embedder = new Mock<ITextEmbedder>(MockBehavior.Strict);
        embedder.SetupGet(e => e.Dimensions).Returns(Dimensions);
        embedder.Setup(e => e.Embed(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyList<string> texts, CancellationToken _) => [.. texts.Select(_ => new float[] { 1, 0, 0, 0 })]);
        var analyzer = new HybridSentimentAnalyzer(embedder.Object, Head(negativeBias: 3), new EmbeddedSentimentAnalyzer(), lexiconSure: 0.9);

        var results = await analyzer.AnalyzeBatchAsync(["I ordered on Monday", "what a wonderful, amazing, fantastic day!!", "the app says my order is pending"]);

        Assert.Equal(["hybrid", "embedded", "hybrid"], results.Select(r => r.Analyzer));
        Assert.Equal(SentimentLabel.Negative, results[0].Label);
        Assert.True(results[0].Score < -0.5, $"score {results[0].Score}");
        Assert.StartsWith("stage lexicon: neutral 0.00 (unsure)", results[0].Cues[0], StringComparison.Ordinal);
        Assert.StartsWith("stage hybrid: negative -0.", results[0].Cues[1], StringComparison.Ordinal);
        embedder.Verify(e => e.Embed(It.Is<IReadOnlyList<string>>(t => t.Count == 2), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal((1L, 2L), analyzer.Decided);
    }

    [Fact]
    public void Decide_ShouldCallNegative_WhenNegativeProbabilityReachesTheThreshold()
    {
        var head = Head(negativeBias: 0) with { NegativeThreshold = 0.3 };

        Assert.Equal(SentimentLabel.Negative, head.Decide([0.31, 0.5, 0.19]));
        Assert.Equal(SentimentLabel.Neutral, head.Decide([0.29, 0.5, 0.21]));
        Assert.Equal(SentimentLabel.Positive, head.Decide([0.29, 0.2, 0.51]));
    }

    [Fact]
    public void Load_ShouldRefuseWeights_WhenTrainedOnOtherLexiconFeatures()
    {
        var head = Head(negativeBias: 0) with { LexiconFeatureNames = ["compound"] };
        using var stream = new MemoryStream();
        head.Save(stream);
        stream.Position = 0;

        var error = Assert.Throws<InvalidDataException>(() => HybridHead.Load(stream));

        Assert.Contains("retrain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadShipped_ShouldMatchTheCurrentFeaturesAndTheModelSize()
    {
        var head = HybridHead.LoadShipped();

        Assert.Equal(MiniLmTextEmbedder.VectorLength, head.EmbeddingDimensions);
        Assert.InRange(head.NegativeThreshold, 0.2, 0.7);
        Assert.Equal(["train-goemotions.tsv", "train-dynasent.tsv"], head.Training.Data.Select(d => d.File));
    }

    [Fact]
    public void ShippedHead_ShouldRecordTheHashesOfTheDataFiles_WhenTheFilesAreUnchanged()
    {
        var head = HybridHead.LoadShipped();

        foreach (var file in head.Training.Data)
        {
            var bytes = File.ReadAllBytes(Path.Combine(SentimentData.Folder(), file.File));
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        }
    }

    [Fact]
    public async Task LexiconOnlyConfiguration_ShouldNeverLoadTheModel_WhenTheModelsAreRegistered()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SocialBot:Sentiment:Analyzer"] = "embedded" })
            .AddSocialBotDefaults()
            .Build();
        var services = new ServiceCollection();
        services.AddSocialBotCore(configuration);
        services.AddSocialBotEmbeddings(configuration);
        await using var provider = services.BuildServiceProvider();

        var analyzer = provider.GetRequiredService<ISentimentAnalyzer>();
        var results = await analyzer.AnalyzeBatchAsync(["still waiting for my refund", "thanks, great flight", "where is my bag?"]);

        Assert.Equal("embedded", analyzer.Name);
        Assert.Equal(3, results.Count);
        Assert.False(provider.GetRequiredService<MiniLmTextEmbedder>().IsLoaded);
    }

    /// <summary>A head whose first embedding dimension pushes towards negative by <paramref name="negativeBias"/>.</summary>
    private static HybridHead Head(float negativeBias)
    {
        var features = LexiconFeatures.Names.Count;
        var weights = new float[3][];
        for (var c = 0; c < 3; c++)
        {
            weights[c] = new float[Dimensions + features];
        }

        weights[0][0] = negativeBias;
        return new HybridHead
        {
            EmbeddingDimensions = Dimensions,
            LexiconFeatureNames = [.. LexiconFeatures.Names],
            FeatureMean = new float[features],
            FeatureScale = [.. Enumerable.Repeat(1f, features)],
            Weights = weights,
            Bias = [0, 0.1f, 0],
            NegativeThreshold = 0.5,
            LexiconSure = 0.9,
            Training = new TrainingManifest
            {
                Command = "test",
                Seed = 1,
                Data = [],
                TrainRows = 0,
                ValidationRows = 0,
                ClassWeighting = "none",
                L2 = 0,
                Epochs = 0,
                Validation = new Dictionary<string, ValidationFigures>(),
                LexiconShare = 0,
            },
        };
    }
}
