using System.Text;
using System.Text.Json;
using SocialBot.Core.Processing;
using SocialBot.Core.Serialization;
using SocialBot.Testing;

namespace SocialBot.Cli.Tests;

/// <summary><c>socialbot poison list|replay</c> against Azurite: the listener's envelope and a raw message the Functions host moved.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PoisonCommandsAzuriteTests : IAsyncLifetime
{
    private const string Envelope = "{\"id\":\"poisoned-1\",\"channel\":\"twitter\",\"text\":\"@ContosoCare my parcel never arrived and nobody answers the phone\"}";
    private const string Raw = "this is not json at all, the Functions host moved it after five failed attempts";

    private readonly AzuriteFixture _azurite;
    private readonly AgentDesk _desk;

    public PoisonCommandsAzuriteTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        _desk = new AgentDesk(azurite);
    }

    private CliRunner Cli => _desk.Cli;

    public async Task InitializeAsync()
    {
        await _desk.ProvisionAsync();
        var poisoned = new PoisonMessage
        {
            Reason = "failed 5 times; last error: JsonException: bad mention",
            Queue = "mentions",
            DequeueCount = 5,
            PoisonedAt = new DateTimeOffset(2026, 11, 23, 21, 5, 0, TimeSpan.FromHours(-5)),
            Message = Envelope,
        };
        await TestQueues.EnqueueAsync(_azurite, "mentions-poison", JsonSerializer.Serialize(poisoned, SocialBotJson.Options));
        await TestQueues.EnqueueAsync(_azurite, "mentions-poison", Raw);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_ShouldShowReasonCountAndMessage_AsJson()
    {
        // Act
        var result = await Cli.RunAsync("poison", "list", "--format", "json");

        // Assert
        Assert.Equal(0, result.ExitCode);
        var entries = result.Json.EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        var envelope = entries.Single(entry => entry.GetProperty("message").GetString() == Envelope);
        Assert.Equal("failed 5 times; last error: JsonException: bad mention", envelope.GetProperty("reason").GetString());
        Assert.Equal(5, envelope.GetProperty("dequeueCount").GetInt64());
        Assert.Equal("mentions", envelope.GetProperty("queue").GetString());
        var raw = entries.Single(entry => entry.GetProperty("message").GetString() == Raw);
        Assert.StartsWith("unknown", raw.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(raw.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task List_ShouldShowOnlyAPreview_AsText()
    {
        // Act
        var result = await Cli.RunAsync("poison", "list", "--format", "text");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("5 attempt(s): failed 5 times; last error: JsonException: bad mention", result.Output, StringComparison.Ordinal);
        Assert.Contains("unknown (poisoned by the Functions host", result.Output, StringComparison.Ordinal);
        Assert.Contains(string.Concat(Raw.AsSpan(0, 40), "…"), result.Output, StringComparison.Ordinal);
        Assert.Contains(string.Concat(Envelope.AsSpan(0, 40), "…"), result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Raw, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody answers the phone", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ShouldMoveOneMessageBack_WhenGivenItsId()
    {
        // Arrange
        var listed = await Cli.RunAsync("poison", "list", "--format", "json");
        var id = listed.Json.EnumerateArray().Single(entry => entry.GetProperty("message").GetString() == Envelope).GetProperty("id").GetString()!;

        // Act
        var result = await Cli.RunAsync("poison", "replay", "--id", id, "--format", "json");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal([id], result.Json.GetProperty("replayed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([Envelope], await TestQueues.PeekAsync(_azurite, "mentions"));
        Assert.Equal([Raw], await TestQueues.PeekAsync(_azurite, "mentions-poison"));
    }

    [Fact]
    public async Task Replay_ShouldMoveEveryMessageBack_WhenAll()
    {
        // Act
        var result = await Cli.RunAsync("poison", "replay", "--all", "--format", "text");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Re-drove 2 message(s) from mentions-poison to mentions.", result.Output.Trim());
        Assert.Equal(new[] { Envelope, Raw }.Order(StringComparer.Ordinal), (await TestQueues.PeekAsync(_azurite, "mentions")).Order(StringComparer.Ordinal));
        Assert.Empty(await TestQueues.PeekAsync(_azurite, "mentions-poison"));
    }

    [Theory]
    [InlineData("--queue: 'nope' is not one of the app's queues", "poison", "list", "--queue", "nope")]
    [InlineData("--queue: 'nope' is not one of the app's queues", "poison", "replay", "--queue", "nope", "--all")]
    [InlineData("poison replay --id missing: no such message on mentions-poison", "poison", "replay", "--id", "missing")]
    [InlineData("give either --id MESSAGEID or --all", "poison", "replay", "--id", "abc", "--all")]
    public async Task Commands_ShouldExitTwoWithOneLine_WhenTheRequestIsWrong(string expected, params string[] args)
    {
        // Act
        var result = await Cli.RunAsync(args);

        // Assert
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal(2, (await TestQueues.PeekAsync(_azurite, "mentions-poison")).Count);
        Assert.Empty(await TestQueues.PeekAsync(_azurite, "mentions"));
    }
}
