using SocialBot.Core.Sentiment;
using SocialBot.Core.Sentiment.Evaluation;

namespace SocialBot.Core.Tests.Sentiment.Evaluation;

public sealed class LabeledTextReaderTests
{
    private static Task<IReadOnlyList<LabeledText>> ReadAsync(string tsv) =>
        LabeledTextReader.ReadAsync(new StringReader(tsv), "set.tsv");

    [Fact]
    public async Task ReadAsync_ShouldReturnRows_WhenFileIsWellFormed()
    {
        var rows = await ReadAsync("label\ttext\nnegative\tstill waiting\n\npositive\tgreat\tflight\nneutral\tok\n");

        Assert.Equal(3, rows.Count);
        Assert.Equal(new LabeledText { Label = SentimentLabel.Negative, Text = "still waiting" }, rows[0]);
        Assert.Equal("great\tflight", rows[1].Text);
        Assert.Equal(SentimentLabel.Neutral, rows[2].Label);
    }

    [Theory]
    [InlineData("", "set.tsv, line 1: the file is empty")]
    [InlineData("sentiment\ttext\n", "set.tsv, line 1: expected the header")]
    [InlineData("label\ttext\nnegative still waiting\n", "set.tsv, line 2: no tab")]
    [InlineData("label\ttext\npositive\tfine\nangry\tstill waiting\n", "set.tsv, line 3: unknown label 'angry'")]
    [InlineData("label\ttext\nmixed\tgood and bad\n", "set.tsv, line 2: unknown label 'mixed'")]
    [InlineData("label\ttext\nnegative\t  \n", "set.tsv, line 2: the text is empty")]
    public async Task ReadAsync_ShouldThrowFormatExceptionNamingFileAndLine_WhenLineIsBad(string tsv, string expected)
    {
        var error = await Assert.ThrowsAsync<FormatException>(() => ReadAsync(tsv));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFileAsync_ShouldNameThePath_WhenFileIsBad()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.tsv");
        await File.WriteAllTextAsync(path, "label\ttext\nnope\tx\n");
        try
        {
            var error = await Assert.ThrowsAsync<FormatException>(() => LabeledTextReader.ReadFileAsync(path));

            Assert.StartsWith($"{path}, line 2:", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
