using System.Text.Json;
using SocialBot.Core.Serialization;

namespace SocialBot.Core.Tests.Serialization;

public sealed class SocialBotJsonTests
{
    private sealed record Holder(string Text);

    [Fact]
    public void SerializeCompact_ShouldWriteEmojiAsCharacters_NotEscapedSurrogatePairs()
    {
        var json = SocialBotJson.SerializeCompact(new Holder(string.Concat(Enumerable.Repeat("😀", 100))));

        Assert.DoesNotContain("\\uD83D", json, StringComparison.OrdinalIgnoreCase);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(json) < 100 * 4 + 20);
        Assert.Equal(string.Concat(Enumerable.Repeat("😀", 100)), JsonSerializer.Deserialize<Holder>(json, SocialBotJson.Options)!.Text);
    }

    [Theory]
    [InlineData("a literal \\uD83D\\uDE00 typed by a customer")]
    [InlineData("backslash then emoji \\😀")]
    [InlineData("quotes \" and control \u0001 and tab \t")]
    public void SerializeCompact_ShouldRoundTrip_WhenTextHasBackslashesAndEscapes(string text)
    {
        var json = SocialBotJson.SerializeCompact(new Holder(text));

        Assert.Equal(text, JsonSerializer.Deserialize<Holder>(json, SocialBotJson.Options)!.Text);
    }
}
