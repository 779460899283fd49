namespace SocialBot.Cli.Tests;

public sealed class EvalCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly string _temp = Directory.CreateTempSubdirectory("socialbot-eval-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string DataSet(string name)
    {
        var path = Path.GetFullPath(Path.Combine(CliRunner.RepositoryRoot(), "..", "shared", "data", "sentiment", name));
        Assert.True(File.Exists(path), $"the development set {path} is missing (../shared beside the checkout)");
        return path;
    }

    [Fact]
    public async Task EvalSentiment_ShouldPrintTheDesignedFigures_ForTheVaderTweets()
    {
        var result = await _cli.RunAsync("eval", "sentiment", "--data", DataSet("dev-vader-tweets.tsv"));

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.Equal(4200, json.GetProperty("n").GetInt32());
        Assert.True(json.GetProperty("accuracy").GetDouble() >= 0.89);
        Assert.True(json.GetProperty("macroF1").GetDouble() > 0);
        Assert.True(json.GetProperty("negative").GetProperty("f1").GetDouble() > 0.8);
        Assert.True(json.GetProperty("confusion").GetProperty("negative").GetProperty("negative").GetInt32() > 0);
        Assert.True(json.GetProperty("textsPerSecond").GetDouble() > 0);
    }

    [Fact]
    public async Task EvalSentiment_ShouldPrintText_WhenAsked()
    {
        var result = await _cli.RunAsync("eval", "sentiment", "--data", DataSet("dev-uci-amazon.tsv"), "--format", "text");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("1000 texts, analyzer embedded: accuracy", result.Output, StringComparison.Ordinal);
        Assert.Contains("negative: precision", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalSentiment_ShouldExit2_WhenDataFileIsMissing()
    {
        var result = await _cli.RunAsync("eval", "sentiment", "--data", "nope.tsv");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("socialbot: --data nope.tsv: file not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalSentiment_ShouldExit2_NamingTheLine_WhenALabelIsUnknown()
    {
        var path = Path.Combine(_temp, "bad.tsv");
        await File.WriteAllTextAsync(path, "label\ttext\npositive\tgreat\nangry\tterrible\n");

        var result = await _cli.RunAsync("eval", "sentiment", "--data", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 3", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task EvalSentiment_ShouldExit2_WhenAzureIsChosenWithoutAnEndpoint()
    {
        var result = await _cli.RunAsync("eval", "sentiment", "--data", DataSet("dev-uci-amazon.tsv"), "--analyzer", "azure");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("SocialBot:Language:Endpoint", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalSentiment_ShouldExit2_WhenAnalyzerIsUnknown()
    {
        var result = await _cli.RunAsync("eval", "sentiment", "--data", DataSet("dev-uci-amazon.tsv"), "--analyzer", "gpt");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("gpt", result.Error, StringComparison.Ordinal);
    }
}
