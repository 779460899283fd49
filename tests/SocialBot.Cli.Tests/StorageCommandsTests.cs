namespace SocialBot.Cli.Tests;

/// <summary>The storage commands' error paths that need no storage (the happy paths run against Azurite elsewhere).</summary>
public sealed class StorageCommandsTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly string _temp = Directory.CreateTempSubdirectory("socialbot-storage-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string UnreachableStorageConfig()
    {
        // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once. One retry keeps it quick.
        var path = Path.Combine(_temp, "config.json");
        File.WriteAllText(path, """
            { "AzureWebJobsStorage": "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;" }
            """);
        return path;
    }

    [Fact]
    public async Task Send_ShouldExit2_NamingTheField_WhenMentionIsInvalid()
    {
        var mention = Path.Combine(CliRunner.Samples, "mentions", "invalid-missing-author.json");

        var result = await _cli.RunAsync("send", "--mention", mention);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"socialbot: --mention {mention}: invalid mention: author: is required", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ShouldExit1_WithOneLine_WhenStorageIsUnreachable()
    {
        var result = await _cli.RunAsync("--config", UnreachableStorageConfig(), "status");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("socialbot: storage is not reachable", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replies_ShouldExit2_WhenSubcommandIsMissing()
    {
        var result = await _cli.RunAsync("replies");

        Assert.Equal(2, result.ExitCode);
    }
}
