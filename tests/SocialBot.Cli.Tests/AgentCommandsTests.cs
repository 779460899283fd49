using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Mentions;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;
using SocialBot.Core.Triage;
using SocialBot.Testing;

namespace SocialBot.Cli.Tests;

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AgentCommandsTests : IAsyncLifetime
{
    private readonly AgentDesk _desk;

    public AgentCommandsTests(AzuriteFixture azurite)
    {
        _desk = new AgentDesk(azurite);
    }

    private CliRunner Cli => _desk.Cli;

    public async Task InitializeAsync()
    {
        Cli.Time.SetUtcNow(AgentDesk.Local(2026, 11, 24, 10, 0));
        await _desk.ProvisionAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Next_ShouldClaimUrgentBeforeOlderNormal()
    {
        // Arrange
        await _desk.HandOffAsync("normal-1", HandoffPriority.Normal, AgentDesk.Local(2026, 11, 24, 9, 0));
        var urgent = await _desk.HandOffAsync("urgent-1", HandoffPriority.Urgent, AgentDesk.Local(2026, 11, 24, 9, 50));

        // Act
        var result = await Cli.RunAsync("agent", "next", "--agent", "alex", "--format", "json");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(urgent, result.Json.GetProperty("id").GetString());
        Assert.Equal("urgent-1", result.Json.GetProperty("mentionId").GetString());
        Assert.Equal("urgent", result.Json.GetProperty("priority").GetString());
        Assert.Equal("claimed", result.Json.GetProperty("status").GetString());
        Assert.Equal("alex", result.Json.GetProperty("claimedBy").GetString());
        Assert.Equal(AgentDesk.Local(2026, 11, 24, 10, 20), result.Json.GetProperty("dueBy").GetDateTimeOffset());
    }

    [Fact]
    public async Task Next_ShouldShowTheCustomerAndTheClaim_AsATableByDefault()
    {
        // Arrange
        await _desk.HandOffAsync("urgent-1", HandoffPriority.Urgent, AgentDesk.Local(2026, 11, 24, 9, 50), text: "Refund please");

        // Act
        var result = await Cli.RunAsync("agent", "next", "--agent", "alex");

        // Assert
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Handoff twitter/urgent-1", result.Output, StringComparison.Ordinal);
        Assert.Contains("Refund please", result.Output, StringComparison.Ordinal);
        Assert.Contains("Dana Kim (@dana_k)", result.Output, StringComparison.Ordinal);
        Assert.Contains("claimed by alex until Tue 2026-11-24 10:15", result.Output, StringComparison.Ordinal);
        Assert.Contains("Tue 2026-11-24 10:20 (in 20m)", result.Output, StringComparison.Ordinal);
        Assert.Contains("PUBLIC", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_ShouldSayNothingIsWaiting_WhenTheQueueIsEmpty()
    {
        // Act
        var table = await Cli.RunAsync("agent", "next", "--agent", "alex");
        var json = await Cli.RunAsync("agent", "next", "--agent", "alex", "--format", "json");

        // Assert
        Assert.Equal("Nothing is waiting.", table.Output.Trim());
        Assert.Equal(JsonValueKind.Null, json.Json.ValueKind);
    }

    [Fact]
    public async Task Next_ShouldLetExactlyOneAgentWin_WhenTwoRaceForOneHandoff()
    {
        // Arrange
        await _desk.HandOffAsync("urgent-1", HandoffPriority.Urgent, AgentDesk.Local(2026, 11, 24, 9, 50));
        Assert.Equal(0, (await Cli.RunAsync("agent", "list")).ExitCode);

        // Act
        var results = await Task.WhenAll(
            Task.Run(() => Cli.RunAsync("agent", "next", "--agent", "alex", "--format", "json")),
            Task.Run(() => Cli.RunAsync("agent", "next", "--agent", "sam", "--format", "json")));

        // Assert
        Assert.All(results, result => Assert.Equal(0, result.ExitCode));
        var winners = results.Where(result => result.Json.ValueKind != JsonValueKind.Null).ToList();
        Assert.Single(winners);
        var list = await Cli.RunAsync("agent", "list", "--format", "json");
        Assert.Equal(winners[0].Json.GetProperty("claimedBy").GetString(), list.Json[0].GetProperty("claimedBy").GetString());
        Assert.Single(list.Json[0].GetProperty("audit").EnumerateArray());
    }

    [Fact]
    public async Task Next_ShouldHandTheHandoffToAnotherAgent_WhenTheLeaseExpires()
    {
        // Arrange
        var id = await _desk.HandOffAsync("urgent-1", HandoffPriority.Urgent, AgentDesk.Local(2026, 11, 24, 9, 50));
        await Cli.RunAsync("agent", "next", "--agent", "alex");
        var beforeExpiry = await Cli.RunAsync("agent", "next", "--agent", "sam", "--format", "json");

        // Act
        Cli.Time.Advance(TimeSpan.FromMinutes(16));
        var afterExpiry = await Cli.RunAsync("agent", "next", "--agent", "sam", "--format", "json");
        var alexReplies = await Cli.RunAsync("agent", "reply", id, "Sorry!", "--agent", "alex");

        // Assert
        Assert.Equal(JsonValueKind.Null, beforeExpiry.Json.ValueKind);
        Assert.Equal(id, afterExpiry.Json.GetProperty("id").GetString());
        Assert.Equal("sam", afterExpiry.Json.GetProperty("claimedBy").GetString());
        Assert.Equal(2, alexReplies.ExitCode);
        Assert.Equal($"socialbot: handoff {id} is claimed by sam until 15:31 UTC; only sam can reply it", alexReplies.Error.Trim());
    }

    [Fact]
    public async Task Extend_ShouldKeepTheClaim_PastTheFirstLease()
    {
        // Arrange
        var id = await _desk.HandOffAsync("urgent-1", HandoffPriority.Urgent, AgentDesk.Local(2026, 11, 24, 9, 50));
        await Cli.RunAsync("agent", "next", "--agent", "alex");
        Cli.Time.Advance(TimeSpan.FromMinutes(10));

        // Act
        var extended = await Cli.RunAsync("agent", "extend", id, "--agent", "alex", "--format", "json");
        Cli.Time.Advance(TimeSpan.FromMinutes(10));
        var other = await Cli.RunAsync("agent", "next", "--agent", "sam", "--format", "json");

        // Assert
        Assert.Equal(0, extended.ExitCode);
        Assert.Equal(AgentDesk.Local(2026, 11, 24, 10, 25), extended.Json.GetProperty("claimedUntil").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, other.Json.ValueKind);
    }

    [Fact]
    public async Task Release_ShouldPutTheHandoffBackInTheQueue()
    {
        // Arrange
        var id = await _desk.HandOffAsync("urgent-1", HandoffPriority.Urgent, AgentDesk.Local(2026, 11, 24, 9, 50));
        await Cli.RunAsync("agent", "next", "--agent", "alex");

        // Act
        var released = await Cli.RunAsync("agent", "release", id, "--agent", "alex");
        var next = await Cli.RunAsync("agent", "next", "--agent", "sam", "--format", "json");

        // Assert
        Assert.Equal(0, released.ExitCode);
        Assert.Contains($"Released {id}; it is back in the queue.", released.Output, StringComparison.Ordinal);
        Assert.Equal("sam", next.Json.GetProperty("claimedBy").GetString());
        var actions = next.Json.GetProperty("audit").EnumerateArray().Select(a => $"{a.GetProperty("agent").GetString()} {a.GetProperty("action").GetString()}");
        Assert.Equal(["alex claimed", "alex released", "sam claimed"], actions);
    }

    [Fact]
    public async Task Resolve_ShouldNeverComeBack()
    {
        // Arrange
        var id = await _desk.HandOffAsync("urgent-1", HandoffPriority.Urgent, AgentDesk.Local(2026, 11, 24, 9, 50));
        await Cli.RunAsync("agent", "next", "--agent", "alex");

        // Act
        var resolved = await Cli.RunAsync("agent", "resolve", id, "--note", "refund issued", "--agent", "alex", "--format", "json");
        Cli.Time.Advance(TimeSpan.FromDays(1));
        var next = await Cli.RunAsync("agent", "next", "--agent", "sam");
        var again = await Cli.RunAsync("agent", "resolve", id, "--agent", "alex");
        var reply = await Cli.RunAsync("agent", "reply", id, "Hello?", "--agent", "sam");

        // Assert
        Assert.Equal("resolved", resolved.Json.GetProperty("status").GetString());
        Assert.Equal("refund issued", resolved.Json.GetProperty("audit")[1].GetProperty("note").GetString());
        Assert.Equal("Nothing is waiting.", next.Output.Trim());
        Assert.Equal($"socialbot: handoff {id} is already resolved by alex; nothing more can be done with it", again.Error.Trim());
        Assert.Equal(2, reply.ExitCode);
        Assert.Contains("already resolved", reply.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_ShouldReachTheRepliesList_AndBeRecordedForTheAcknowledgementRules()
    {
        // Arrange
        await _desk.TriageAsync("refund-complaint.json");
        var next = await Cli.RunAsync("agent", "next", "--agent", "alex", "--format", "json");
        var id = next.Json.GetProperty("id").GetString()!;
        _ = await _desk.DrainAsync("replies");

        // Act
        var reply = await Cli.RunAsync("agent", "reply", id, "Hi Dana, I'm sorry for the wait. Please DM us your order number.", "--agent", "alex");
        var queued = await _desk.DrainAsync("replies");
        using (var services = _desk.Services())
        {
            foreach (var message in queued)
            {
                Assert.True((await services.GetRequiredService<SendReplyProcessor>().ProcessAsync(message)).Completed);
            }
        }

        var replies = await Cli.RunAsync("replies", "list");
        var repliesText = await Cli.RunAsync("replies", "list", "--format", "text");
        var resolved = await Cli.RunAsync("agent", "resolve", id, "--agent", "alex");

        // Assert
        Assert.Equal(0, reply.ExitCode);
        var outgoing = AgentDesk.Parse<OutgoingReply>(Assert.Single(queued));
        Assert.Equal(ReplyKind.Agent, outgoing.Kind);
        Assert.Equal("alex", outgoing.AgentName);
        Assert.StartsWith(id + "/agent/", outgoing.ReplyId, StringComparison.Ordinal);
        var sent = Assert.Single(replies.Json.EnumerateArray());
        Assert.Equal("agent", sent.GetProperty("kind").GetString());
        Assert.Equal("1861234567890001", sent.GetProperty("mentionId").GetString());
        Assert.Equal("no reply channel for channel 'twitter'", sent.GetProperty("reason").GetString());
        Assert.Contains("    (kept in the local outbox, not posted: no reply channel for channel 'twitter')", repliesText.Output, StringComparison.Ordinal);
        Assert.Equal(0, resolved.ExitCode);
        using var check = _desk.Services();
        var mention = check.GetRequiredService<MentionParser>().Parse(TestQueues.Sample("refund-complaint.json")).Mention!;
        var state = await check.GetRequiredService<IMentionLedger>().ReadAsync(mention);
        Assert.Equal(Cli.Time.GetUtcNow(), state.History.LastAgentReplyAt);
    }

    [Fact]
    public async Task ListAndShow_ShouldCountTheDueTimeInStaffedHours_AcrossAHolidayAndAWeekend()
    {
        // Arrange: Thursday 24 December 2026, 16:45 in New York; Friday the 25th is closed, then the weekend.
        Cli.Time.SetUtcNow(AgentDesk.Local(2026, 12, 24, 16, 45));
        await _desk.TriageAsync("refund-complaint.json");

        // Act
        var list = await Cli.RunAsync("agent", "list", "--format", "json");
        var table = await Cli.RunAsync("agent", "list");
        var show = await Cli.RunAsync("agent", "show", "twitter/1861234567890001");

        // Assert
        var handoff = Assert.Single(list.Json.EnumerateArray());
        Assert.Equal("urgent", handoff.GetProperty("priority").GetString());
        Assert.Equal("open", handoff.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, handoff.GetProperty("claimedBy").ValueKind);
        Assert.Equal(AgentDesk.Local(2026, 12, 28, 9, 15), handoff.GetProperty("dueBy").GetDateTimeOffset());
        Assert.Contains("Mon 2026-12-28 09:15", table.Output, StringComparison.Ordinal);
        Assert.Contains("Mon 2026-12-28 09:15 (in 3d 16h)", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShouldPutOverdueFirst_AndFilterByStatusAndPriority()
    {
        // Arrange
        var normal = await _desk.HandOffAsync("normal-1", HandoffPriority.Normal, AgentDesk.Local(2026, 11, 24, 9, 0), dueBy: AgentDesk.Local(2026, 11, 24, 9, 30));
        var urgent = await _desk.HandOffAsync("urgent-1", HandoffPriority.Urgent, AgentDesk.Local(2026, 11, 24, 9, 55));
        var claimed = await _desk.HandOffAsync("urgent-2", HandoffPriority.Urgent, AgentDesk.Local(2026, 11, 24, 9, 50));
        await Cli.RunAsync("agent", "next", "--agent", "alex");

        // Act
        var all = await Cli.RunAsync("agent", "list", "--format", "json");
        var open = await Cli.RunAsync("agent", "list", "--status", "open", "--priority", "urgent", "--format", "json");
        var table = await Cli.RunAsync("agent", "list");

        // Assert
        Assert.Equal([normal, claimed, urgent], all.Json.EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        Assert.True(all.Json[0].GetProperty("overdue").GetBoolean());
        Assert.Equal([urgent], open.Json.EnumerateArray().Select(h => h.GetProperty("id").GetString()));
        Assert.Contains("(OVERDUE by 30m)", table.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show|twitter/nope", "socialbot: no handoff with id twitter/nope")]
    [InlineData("reply|twitter/nope|Hello", "socialbot: no handoff with id twitter/nope")]
    [InlineData("resolve|twitter/nope", "socialbot: no handoff with id twitter/nope")]
    [InlineData("list|--status|closed", "socialbot: --status: 'closed' is not one of open, claimed or resolved")]
    [InlineData("list|--priority|high", "socialbot: --priority: 'high' is not one of urgent or normal")]
    [InlineData("release|twitter/urgent-1", "socialbot: handoff twitter/urgent-1 is not claimed by you, so there is nothing to release (claim work with `socialbot agent next`)")]
    [InlineData("extend|twitter/urgent-1", "socialbot: handoff twitter/urgent-1 is not claimed by you, so there is nothing to extend (claim work with `socialbot agent next`)")]
    [InlineData("reply|twitter/urgent-1| ", "socialbot: reply: TEXT is empty; write what to send the customer")]
    public async Task Agent_ShouldExitWithOneClearLine_OnBadInput(string args, string expected)
    {
        // Arrange
        await _desk.HandOffAsync("urgent-1", HandoffPriority.Urgent, AgentDesk.Local(2026, 11, 24, 9, 50));

        // Act
        var result = await Cli.RunAsync(["agent", .. args.Split('|'), "--agent", "alex"]);

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.Error.Trim());
        Assert.Equal("", result.Output);
    }

    [Theory]
    [InlineData("resolve")]
    [InlineData("release")]
    [InlineData("extend")]
    public async Task Agent_ShouldRefuse_WhenAnotherAgentHoldsTheHandoff(string action)
    {
        // Arrange
        var id = await _desk.HandOffAsync("urgent-1", HandoffPriority.Urgent, AgentDesk.Local(2026, 11, 24, 9, 50));
        await Cli.RunAsync("agent", "next", "--agent", "alex");

        // Act
        var result = await Cli.RunAsync("agent", action, id, "--agent", "sam");

        // Assert
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"socialbot: handoff {id} is claimed by alex until 15:15 UTC; only alex can {action} it", result.Error.Trim());
    }
}
