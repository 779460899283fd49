using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using SocialBot.Core.Answers;
using SocialBot.Core.Embeddings;
using SocialBot.Core.Tests.Support;
using SocialBot.Core.Configuration;

namespace SocialBot.Core.Tests.Answers;

public sealed class SemanticAnswerMatcherTests
{
    private static readonly DateTimeOffset MondayNight = new(2026, 11, 23, 21, 0, 0, TestData.Est);

    // A stand-in for a sentence model: one axis per concept, so paraphrases without shared words land close together.
    private static readonly string[][] Concepts =
    [
        ["rain", "weather", "storm", "pouring", "wet", "shine"],
        ["open", "hours", "close", "time"],
        ["ship", "shipping", "deliver", "delivery", "canada", "toronto"],
        ["refund", "refunds", "money"],
        ["market", "stall"],
    ];

    private readonly Mock<ITextEmbedder> _embedder = new();

    public SemanticAnswerMatcherTests()
    {
        _embedder.Setup(e => e.Dimensions).Returns(Concepts.Length + 1);
        _embedder.Setup(e => e.Embed(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyList<string> texts, CancellationToken _) => texts.Select(Embed).ToArray());
    }

    private static float[] Embed(string text)
    {
        var words = text.ToLowerInvariant().Split([' ', '?', '!', ',', '.', '\''], StringSplitOptions.RemoveEmptyEntries);
        var vector = new float[Concepts.Length + 1];
        for (var i = 0; i < Concepts.Length; i++)
        {
            vector[i] = words.Count(word => Concepts[i].Contains(word));
        }

        vector[^1] = 0.3f; // everything shares a little meaning
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / norm).ToArray();
    }

    private QuickAnswers Semantic(AnswersOptions? options = null)
    {
        options ??= AnswerTestData.Options();
        var knowledge = AnswerKnowledge.From(options);
        return new QuickAnswers(knowledge, new SemanticAnswerMatcher(knowledge, _embedder.Object, options.Semantic), options, AnswerTestData.Hours());
    }

    [Theory]
    [InlineData("is it still happening if the weather is wet at the stall?", "rain")]
    [InlineData("can you deliver to toronto?", "shipping")]
    public void Find_ShouldAnswerParaphrase_ThatSharesNoKeyword(string text, string expected)
    {
        var lookup = Semantic().Find(text, "twitter", true, false, MondayNight, "twitter/m1")!;

        Assert.Equal(expected, lookup.Answer?.EntryId);
        Assert.Equal("semantic", lookup.Matcher);
    }

    [Fact]
    public void Find_ShouldNotAnswer_WhenNothingIsClose()
    {
        var lookup = Semantic().Find("do you sell gift cards?", "twitter", true, false, MondayNight, "twitter/m1")!;

        Assert.Null(lookup.Answer);
        Assert.Contains("not sure enough", lookup.Trace, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ShouldEmbedTheQuestionsOnce_AndEachTextOnce()
    {
        var answers = Semantic();

        answers.Find("do you ship to canada?", "twitter", true, false, MondayNight, "a");
        answers.Find("are you open in the rain?", "twitter", true, false, MondayNight, "b");

        _embedder.Verify(e => e.Embed(It.Is<IReadOnlyList<string>>(texts => texts.Count == 11), It.IsAny<CancellationToken>()), Times.Once);
        _embedder.Verify(e => e.Embed(It.Is<IReadOnlyList<string>>(texts => texts.Count == 1), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public void AddSocialBotCore_ShouldUseTheRegisteredEmbedder_OnlyWhenTheSemanticMatcherIsChosen()
    {
        var semantic = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SocialBot:Answers:Matcher"] = "semantic" }).AddSocialBotDefaults().Build();
        var defaults = new ConfigurationBuilder().AddSocialBotDefaults().Build();
        using var withModel = new ServiceCollection().AddSingleton(_embedder.Object).AddSocialBotCore(semantic).BuildServiceProvider();
        using var lexicalWithModel = new ServiceCollection().AddSingleton(_embedder.Object).AddSocialBotCore(defaults).BuildServiceProvider();
        using var without = new ServiceCollection().AddSocialBotCore(semantic).BuildServiceProvider();

        Assert.IsType<SemanticAnswerMatcher>(withModel.GetRequiredService<IAnswerMatcher>());
        Assert.IsType<LexicalAnswerMatcher>(lexicalWithModel.GetRequiredService<IAnswerMatcher>());
        Assert.IsType<LexicalAnswerMatcher>(without.GetRequiredService<IAnswerMatcher>());
        Assert.Equal("semantic", withModel.GetRequiredService<QuickAnswers>().MatcherName);
        _embedder.Verify(e => e.Embed(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
