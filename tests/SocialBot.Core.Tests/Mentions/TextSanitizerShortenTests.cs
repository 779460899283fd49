using SocialBot.Core.Mentions;

namespace SocialBot.Core.Tests.Mentions;

public sealed class TextSanitizerShortenTests
{
    [Fact]
    public void Shorten_ShouldReturnTheTextUnchanged_WhenItFits()
    {
        // Arrange / Act
        var shortened = TextSanitizer.Shorten("twelve chars", 12);

        // Assert
        Assert.Equal("twelve chars", shortened);
    }

    [Fact]
    public void Shorten_ShouldKeepTheStartAndAnEllipsisWithinTheLimit_WhenTheTextIsLonger()
    {
        // Arrange / Act
        var shortened = TextSanitizer.Shorten(new string('a', 500), 300);

        // Assert
        Assert.Equal(300, shortened.Length);
        Assert.Equal(new string('a', 299) + "…", shortened);
    }

    [Fact]
    public void Shorten_ShouldNotEndInHalfASurrogatePair_WhenTheCutFallsInsideAnEmoji()
    {
        // Arrange: the cut (limit 5 = 4 units + "…") falls between the two halves of the first emoji
        var text = "abc😀😀";

        // Act
        var shortened = TextSanitizer.Shorten(text, 5);

        // Assert
        Assert.Equal("abc…", shortened);
        Assert.False(TextSanitizer.HasUnpairedSurrogate(shortened));
    }
}
