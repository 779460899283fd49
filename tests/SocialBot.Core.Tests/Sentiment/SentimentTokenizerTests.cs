using SocialBot.Core.Sentiment;

namespace SocialBot.Core.Tests.Sentiment;

public sealed class SentimentTokenizerTests
{
    private static string[] Words(string text)
    {
        var tokens = new Token[2];
        var count = SentimentTokenizer.Tokenize(text, SentimentLexicon.Shared, ref tokens);
        return tokens.Take(count).Select(t => text.Substring(t.Start, t.Length)).ToArray();
    }

    [Fact]
    public void Tokenize_ShouldStripPunctuation_WhenWordIsLongerThanTwoCharacters()
    {
        Assert.Equal(["Hello", "world", ":)", "ok!", "it's", "fine"], Words("Hello, world!! :) ok! \"it's\" fine..."));
    }

    [Fact]
    public void Tokenize_ShouldGrowTheBuffer_WhenTextHasManyWords()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 100));

        Assert.Equal(100, Words(text).Length);
    }

    [Fact]
    public void Tokenize_ShouldMarkUpperCaseAndSentences_WhenTextHasThem()
    {
        var tokens = new Token[8];
        var count = SentimentTokenizer.Tokenize("GREAT job. Still waiting", SentimentLexicon.Shared, ref tokens);

        Assert.Equal(4, count);
        Assert.True(tokens[0].IsUpper);
        Assert.False(tokens[1].IsUpper);
        Assert.Equal([0, 0, 1, 1], tokens.Take(count).Select(t => t.Sentence));
    }

    [Theory]
    [InlineData("3", "Number")]
    [InlineData("3hrs", "Number, TimeUnit")]
    [InlineData("9am", "PointInTime")]
    [InlineData("9:30", "PointInTime")]
    public void Tokenize_ShouldDescribeNumbers_WhenTokenStartsWithDigit(string word, string roles)
    {
        var expected = Enum.Parse<CareWord>(roles);

        var tokens = new Token[1];
        SentimentTokenizer.Tokenize(word, SentimentLexicon.Shared, ref tokens);

        Assert.Equal(expected, tokens[0].Traits.Care);
    }

    [Fact]
    public void Tokenize_ShouldNotLookUpHandle_WhenTokenStartsWithAt()
    {
        var tokens = new Token[1];
        SentimentTokenizer.Tokenize("@united", SentimentLexicon.Shared, ref tokens);

        Assert.Null(tokens[0].Entry);
    }

    [Fact]
    public void DescribeEmoji_ShouldReplaceEmojiWithWords_WhenLexiconKnowsIt()
    {
        Assert.Equal("so fun grinning face", SentimentTokenizer.DescribeEmoji("so fun😀", SentimentLexicon.Shared));
    }

    [Fact]
    public void DescribeEmoji_ShouldReturnSameInstance_WhenNoEmoji()
    {
        const string text = "plain text, café";

        Assert.Same(text, SentimentTokenizer.DescribeEmoji(text, SentimentLexicon.Shared));
    }

    [Fact]
    public void Shared_ShouldLoadBothLexicons_WhenFirstUsed()
    {
        Assert.True(SentimentLexicon.Shared.WordCount > 7000);
        Assert.True(SentimentLexicon.Shared.EmojiCount > 3000);
        Assert.Equal(-2.1, SentimentLexicon.Shared.Find("TERRIBLE".AsSpan())?.Valence ?? 0, 3);
    }
}
