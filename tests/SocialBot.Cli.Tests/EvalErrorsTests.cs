namespace SocialBot.Cli.Tests;

/// <summary><c>eval sentiment</c>'s confusion table and <c>--errors N</c>, on a small hand-labelled file (lexicon analyzer).</summary>
public sealed class EvalErrorsTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly string _temp = Directory.CreateTempSubdirectory("socialbot-eval-errors-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task EvalSentiment_ShouldPrintConfusionTableAndWorstErrors_WhenTextAndErrorsAreAsked()
    {
        var data = await DataAsync();

        var result = await _cli.RunAsync("eval", "sentiment", "--data", data, "--analyzer", "lexicon", "--errors", "2", "--format", "text");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("4 texts, analyzer embedded", result.Output, StringComparison.Ordinal);
        Assert.Contains("gold \\ predicted", result.Output, StringComparison.Ordinal);
        Assert.Contains("2 worst misclassifications:", result.Output, StringComparison.Ordinal);

        // The polarity flip (a negative post read as positive) ranks first, with the cues that caused it.
        var first = result.Output.IndexOf("- gold negative, got positive", StringComparison.Ordinal);
        Assert.True(first > 0, result.Output);
        Assert.Contains("cues: lexicon: \"wonderful\"", result.Output[first..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalSentiment_ShouldListErrorsInJson_WhenErrorsAreAsked()
    {
        var data = await DataAsync();

        var result = await _cli.RunAsync("eval", "sentiment", "--data", data, "--errors", "5");

        Assert.Equal(0, result.ExitCode);
        var errors = result.Json.GetProperty("errors");
        Assert.Equal(2, errors.GetArrayLength());
        Assert.Equal("negative", errors[0].GetProperty("gold").GetString());
        Assert.Equal("positive", errors[0].GetProperty("verdict").GetProperty("label").GetString());
    }

    [Fact]
    public async Task EvalSentiment_ShouldExit2_WhenErrorsIsNegative()
    {
        var data = await DataAsync();

        var result = await _cli.RunAsync("eval", "sentiment", "--data", data, "--errors", "-1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--errors", result.Error, StringComparison.Ordinal);
    }

    private async Task<string> DataAsync()
    {
        var path = Path.Combine(_temp, "small.tsv");
        await File.WriteAllTextAsync(
            path,
            "label\ttext\n"
            + "negative\twonderful, just wonderful, my bag is in another country\n"
            + "positive\tthe crew were great\n"
            + "neutral\tmy flight is at 9\n"
            + "positive\tok I guess it could be worse\n");
        return path;
    }
}
