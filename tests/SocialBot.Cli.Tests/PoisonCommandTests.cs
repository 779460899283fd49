namespace SocialBot.Cli.Tests;

public sealed class PoisonCommandTests
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task Replay_ShouldExitTwo_WhenNeitherIdNorAllIsGiven()
    {
        var result = await _cli.RunAsync("poison", "replay");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("give either --id MESSAGEID or --all", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ShouldExitTwo_WhenBothIdAndAllAreGiven()
    {
        var result = await _cli.RunAsync("poison", "replay", "--id", "abc", "--all");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("give either --id MESSAGEID or --all", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShouldExitTwo_WhenTheQueueIsNotOneOfTheApps()
    {
        var result = await _cli.RunAsync("poison", "list", "--queue", "nope");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--queue: 'nope' is not one of the app's queues", result.Error, StringComparison.Ordinal);
    }
}
