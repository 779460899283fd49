using SocialBot.Core.Channels;

namespace SocialBot.Core.Tests.Channels;

public sealed class TextLengthTests
{
    [Theory]
    [InlineData("hello", 5)]
    [InlineData("café", 4)]
    [InlineData("日本語", 6)]
    [InlineData("😀", 2)]
    [InlineData("👩‍💻", 2)]
    [InlineData("👍🏽", 2)]
    [InlineData("see https://example.com/a/very/long/path/that/goes/on/and/on ok", 30)]
    [InlineData("“quoted” — dash", 15)]
    public void TwitterWeighted_ShouldCountAsThePlatformDoes(string text, int expected)
    {
        Assert.Equal(expected, TextLength.TwitterWeighted(text));
    }

    [Fact]
    public void Graphemes_ShouldCountUserPerceivedCharacters()
    {
        Assert.Equal(3, TextLength.Graphemes("a👩‍💻é"));
    }
}
