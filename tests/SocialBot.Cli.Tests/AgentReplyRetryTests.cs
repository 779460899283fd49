using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;
using SocialBot.Testing;

namespace SocialBot.Cli.Tests;

/// <summary>Finding 16 of issue 12: a retried <c>socialbot agent reply</c> posts once.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AgentReplyRetryTests : IAsyncLifetime
{
    private readonly AgentDesk _desk;

    public AgentReplyRetryTests(AzuriteFixture azurite)
    {
        _desk = new AgentDesk(azurite);
    }

    public async Task InitializeAsync()
    {
        _desk.Cli.Time.SetUtcNow(AgentDesk.Local(2026, 11, 24, 10, 0));
        await _desk.ProvisionAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("--request-id", "req-42")]
    [InlineData(null, null)]
    public async Task Reply_ShouldPostOnce_WhenTheSameRequestIsRunTwice(string? option, string? value)
    {
        // Arrange
        await _desk.TriageAsync("refund-complaint.json");
        var id = (await _desk.Cli.RunAsync("agent", "next", "--agent", "alex", "--format", "json")).Json.GetProperty("id").GetString()!;
        _ = await _desk.DrainAsync("replies");
        string[] args = ["agent", "reply", id, "Sorry for the wait, Dana. Please DM us your order number.", "--agent", "alex"];
        if (option is not null)
        {
            args = [.. args, option, value!];
        }

        // Act: the agent's terminal timed out after the first attempt, so the agent runs it again.
        var first = await _desk.Cli.RunAsync(args);
        var second = await _desk.Cli.RunAsync(args);
        var queued = await _desk.DrainAsync("replies");
        using (var services = _desk.Services())
        {
            foreach (var message in queued)
            {
                Assert.True((await services.GetRequiredService<SendReplyProcessor>().ProcessAsync(message)).Completed);
            }
        }

        var replies = await _desk.Cli.RunAsync("replies", "list");

        // Assert
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(2, queued.Count);
        Assert.Single(queued.Select(AgentDesk.Parse<OutgoingReply>).Select(reply => reply.ReplyId).Distinct());
        Assert.Single(replies.Json.EnumerateArray());
        if (value is not null)
        {
            Assert.Equal(id + "/agent/" + value, AgentDesk.Parse<OutgoingReply>(queued[0]).ReplyId);
        }
    }

    [Fact]
    public async Task Reply_ShouldRefuseTheRequestId_WhenItIsNotAPlainToken()
    {
        // Arrange
        await _desk.TriageAsync("refund-complaint.json");

        // Act
        var result = await _desk.Cli.RunAsync("agent", "reply", "twitter/1861234567890001", "Hello", "--agent", "alex", "--request-id", "a/b");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--request-id", result.Error, StringComparison.Ordinal);
        Assert.Empty(await _desk.DrainAsync("replies"));
    }
}
