using SocialBot.Core.Sentiment;

namespace SocialBot.Core.Tests.Sentiment;

/// <summary>The VADER rule families; expected compounds are worked out by hand from the lexicon and the constants.</summary>
public sealed class EmbeddedSentimentAnalyzerTests
{
    private const int Precision = 3;

    private readonly EmbeddedSentimentAnalyzer _analyzer = new();

    [Fact]
    public void Analyze_ShouldNormaliseLexiconValence_WhenOneWordCarriesSentiment()
    {
        var result = _analyzer.Analyze("good");

        // 1.9 / sqrt(1.9² + 15)
        Assert.Equal(0.4404, result.Score, Precision);
        Assert.Equal(SentimentLabel.Positive, result.Label);
        Assert.Equal("embedded", result.Analyzer);
        Assert.Equal(["lexicon: \"good\" 1.9"], result.Cues);
    }

    [Theory]
    [InlineData("not good", -0.3412)]
    [InlineData("isn't good", -0.3412)]
    [InlineData("it was never good", -0.3412)]
    [InlineData("not really that good", -0.3843)]
    public void Analyze_ShouldFlipAndShrinkValence_WhenNegatedWithinThreeWords(string text, double expected)
    {
        var result = _analyzer.Analyze(text);

        Assert.Equal(expected, result.Score, Precision);
        Assert.Equal(SentimentLabel.Negative, result.Label);
        Assert.Contains("lexicon: \"good\" 1.9", result.Cues);
    }

    [Fact]
    public void Analyze_ShouldTurnNegativeWordPositive_WhenNegated()
    {
        var result = _analyzer.Analyze("not bad");

        // -2.5 × -0.74 = 1.85
        Assert.Equal(0.4310, result.Score, Precision);
        Assert.Equal(SentimentLabel.Positive, result.Label);
    }

    [Fact]
    public void Analyze_ShouldIntensify_WhenNeverSoPrecedesTheWord()
    {
        var result = _analyzer.Analyze("never so good");

        // (1.9 + 0.293) × 1.25 = 2.741
        Assert.Equal(0.5777, result.Score, Precision);
        Assert.Equal(SentimentLabel.Positive, result.Label);
    }

    [Theory]
    [InlineData("very good", 0.4927)]
    [InlineData("slightly good", 0.3832)]
    [InlineData("The food is kind of good", 0.3832)]
    public void Analyze_ShouldApplyBoosterStep_WhenBoosterOrDampenerPrecedes(string text, double expected)
    {
        AssertPositiveScore(text, expected);
    }

    [Fact]
    public void Analyze_ShouldAddCapsEmphasis_WhenTextIsMixedCase()
    {
        var shouted = _analyzer.Analyze("The food is GOOD");
        var allCaps = _analyzer.Analyze("THE FOOD IS GOOD");

        // 1.9 + 0.733; all-caps text is not emphasis
        Assert.Equal(0.5622, shouted.Score, Precision);
        Assert.Equal(0.4404, allCaps.Score, Precision);
        Assert.Contains("lexicon: \"good\" 1.9", shouted.Cues);
    }

    [Fact]
    public void Analyze_ShouldWeighClauseAfterBut_WhenContrastiveButPresent()
    {
        var result = _analyzer.Analyze("The food is good but the service is bad");

        // 1.9 × 0.5 - 2.5 × 1.5 = -2.8
        Assert.Equal(-0.5859, result.Score, Precision);
        Assert.Equal(SentimentLabel.Negative, result.Label);
        Assert.Equal(["lexicon: \"good\" 1.9", "lexicon: \"bad\" -2.5"], result.Cues);
    }

    [Theory]
    [InlineData("good!!!", 0.5826)]
    [InlineData("good!!!!!!!", 0.6209)]
    [InlineData("good??", 0.5040)]
    public void Analyze_ShouldAddPunctuationEmphasis_WhenExclamationOrQuestionMarks(string text, double expected)
    {
        AssertPositiveScore(text, expected);
    }

    [Fact]
    public void Analyze_ShouldNegate_WhenLeastPrecedesButNotAtLeast()
    {
        var least = _analyzer.Analyze("the least good");
        var atLeast = _analyzer.Analyze("at least good");

        Assert.Equal(SentimentLabel.Negative, least.Label);
        Assert.Equal(-0.3412, least.Score, Precision);
        Assert.Equal(SentimentLabel.Positive, atLeast.Label);
    }

    [Fact]
    public void Analyze_ShouldScoreIdiomAsWhole_WhenSpecialPhrasePresent()
    {
        var result = _analyzer.Analyze("This movie is the shit");

        // "the shit" = 3 replaces "shit" = -2.6
        Assert.Equal(0.6124, result.Score, Precision);
        Assert.Equal(SentimentLabel.Positive, result.Label);
    }

    [Fact]
    public void Analyze_ShouldScoreEmojiDescription_WhenEmojiPresent()
    {
        var result = _analyzer.Analyze("😂");

        // "face with tears of joy": tears -0.9, joy 2.8
        Assert.Equal(0.4404, result.Score, Precision);
        Assert.Equal(SentimentLabel.Positive, result.Label);
        Assert.Contains("lexicon: \"joy\" 2.8", result.Cues);
    }

    [Fact]
    public void Analyze_ShouldKeepEmoticons_WhenTokenIsShortPunctuation()
    {
        var result = _analyzer.Analyze("see you tomorrow :(");

        Assert.Equal(SentimentLabel.Negative, result.Label);
        Assert.Contains(result.Cues, cue => cue.StartsWith("lexicon: \":(\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_ShouldLabelMixed_WhenStrongFeelingsCancelOut()
    {
        var result = _analyzer.Analyze("The great food and the worst service");

        Assert.Equal(SentimentLabel.Mixed, result.Label);
        Assert.Equal(0, result.Score, Precision);
        Assert.Equal(["lexicon: \"great\" 3.1", "lexicon: \"worst\" -3.1"], result.Cues);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("the table is in the kitchen")]
    public void Analyze_ShouldBeNeutralWithoutCues_WhenNothingCarriesSentiment(string text)
    {
        var result = _analyzer.Analyze(text);

        Assert.Equal(SentimentLabel.Neutral, result.Label);
        Assert.Equal(0, result.Score);
        Assert.Empty(result.Cues);
    }

    [Fact]
    public void Analyze_ShouldNotScoreHandle_WhenHandleIsALexiconWord()
    {
        var result = _analyzer.Analyze("@united what is the baggage allowance?");

        Assert.Equal(SentimentLabel.Neutral, result.Label);
        Assert.Empty(result.Cues);
    }

    [Fact]
    public void Analyze_ShouldCapCues_WhenManyWordsCarrySentiment()
    {
        var result = _analyzer.Analyze("good great happy love nice fine best awesome wonderful amazing excellent");

        Assert.Equal(EmbeddedSentimentAnalyzer.MaxCues, result.Cues.Count);
    }

    [Fact]
    public async Task AnalyzeBatchAsync_ShouldReturnResultsInInputOrder_WhenSeveralTexts()
    {
        var results = await _analyzer.AnalyzeBatchAsync(["good", "bad", "table"]);

        Assert.Equal([SentimentLabel.Positive, SentimentLabel.Negative, SentimentLabel.Neutral], results.Select(r => r.Label));
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldMatchSynchronousResult_WhenSameText()
    {
        var result = await _analyzer.AnalyzeAsync("I LOVE this but the food was TERRIBLE!!!");

        var expected = _analyzer.Analyze("I LOVE this but the food was TERRIBLE!!!");
        Assert.Equal(expected.Score, result.Score);
        Assert.Equal(expected.Cues, result.Cues);
        Assert.Equal(SentimentLabel.Negative, result.Label);
    }

    [Fact]
    public async Task AnalyzeAsync_ShouldThrow_WhenCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() => _analyzer.AnalyzeAsync("good", cancellation.Token));
    }

    [Fact]
    public void Analyze_ShouldGiveSameAnswers_WhenCalledFromManyThreads()
    {
        string[] texts = ["good", "not good", "still waiting for my refund", "The great food and the worst service"];
        var expected = texts.Select(t => _analyzer.Analyze(t).Score).ToArray();

        var mismatches = 0;
        Parallel.For(0, 4000, i =>
        {
            var k = i % texts.Length;
            if (_analyzer.Analyze(texts[k]).Score != expected[k])
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        Assert.Equal(0, mismatches);
    }

    private void AssertPositiveScore(string text, double expected)
    {
        var result = _analyzer.Analyze(text);

        Assert.Equal(expected, result.Score, Precision);
        Assert.Equal(SentimentLabel.Positive, result.Label);
    }
}
