namespace SocialBot.Cli.Tests;

/// <summary><c>preview</c> with the hybrid analyzer: the trace names each stage with its label and score (loads the real model).</summary>
[Trait("Category", "Model")]
public sealed class PreviewHybridTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly string _temp = Directory.CreateTempSubdirectory("socialbot-preview-hybrid-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task Preview_ShouldShowEachStagesLabelAndScore_WhenTheAnalyzerIsHybrid()
    {
        var config = Path.Combine(_temp, "hybrid.json");
        await File.WriteAllTextAsync(config, """{ "SocialBot": { "Sentiment": { "Analyzer": "hybrid" } } }""");
        var mention = Path.Combine(_temp, "mention.json");
        await File.WriteAllTextAsync(mention, """
            { "id": "h1", "channel": "twitter", "conversationId": "h1", "author": { "id": "1", "handle": "@dana_k", "name": "Dana Kim" },
              "text": "@ContosoCare I was charged twice for order 5521 and the app just says pending", "receivedAt": "2026-11-23T21:15:00-05:00", "isPublic": true }
            """);

        var result = await _cli.RunAsync("--config", config, "preview", "--mention", mention, "--at", "2026-11-23T21:15:00-05:00");

        Assert.Equal(0, result.ExitCode);
        var sentiment = result.Json.GetProperty("sentiment");
        Assert.Equal("hybrid", sentiment.GetProperty("analyzer").GetString());
        Assert.Equal("negative", sentiment.GetProperty("label").GetString());
        var trace = string.Join("\n", result.Json.GetProperty("trace").EnumerateArray().Select(t => t.GetString()));
        Assert.Matches(@"stage lexicon: \w+ [+-]?\d\.\d\d \(unsure\)", trace);
        Assert.Matches(@"stage hybrid: negative -\d\.\d\d \(P negative \d\.\d\d", trace);
    }
}
