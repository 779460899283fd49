using SocialBot.Models.Embeddings;

namespace SocialBot.Models.Tests;

public sealed class TextCleanerTests
{
    [Theory]
    [InlineData("@united still waiting https://t.co/abc123 #fail", "still waiting fail")]
    [InlineData("fish &amp; chips &gt; pizza", "fish & chips > pizza")]
    [InlineData("see www.example.com/x for   details\n\tplease", "see for details please")]
    [InlineData("mail me at dana@example.com", "mail me at dana@example.com")]
    [InlineData("#1 fan, issue #42", "1 fan, issue 42")]
    public void Clean_ShouldDropLinksAndHandlesAndHashes_WhenPreparingATweet(string text, string expected)
    {
        Assert.Equal(expected, TextCleaner.Clean(text, 500));
    }

    [Fact]
    public void Clean_ShouldCutAtAWordBoundary_WhenTextIsTooLong()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 200));

        var cleaned = TextCleaner.Clean(text, 100);

        Assert.True(cleaned.Length <= 100, $"Length {cleaned.Length}");
        Assert.EndsWith("word", cleaned, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_ShouldNotSplitASurrogatePair_WhenCuttingThroughAnEmoji()
    {
        var text = new string('a', 99) + "😀😀";

        var cleaned = TextCleaner.Clean(text, 100);

        Assert.Equal(new string('a', 99), cleaned);
    }
}
