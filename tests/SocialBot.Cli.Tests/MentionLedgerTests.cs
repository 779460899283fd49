using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Mentions;
using SocialBot.Core.Processing;
using SocialBot.Core.Triage;
using SocialBot.Testing;

namespace SocialBot.Cli.Tests;

/// <summary>Findings 7 and 8 of issue 12 against the table ledger: acknowledgements reserved under a concurrency token, a daily cap, effects recorded once.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class MentionLedgerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Night = AgentDesk.Local(2026, 11, 23, 21, 20);

    private readonly AgentDesk _desk;

    public MentionLedgerTests(AzuriteFixture azurite)
    {
        _desk = new AgentDesk(azurite);
    }

    public Task InitializeAsync() => _desk.ProvisionAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static Mention Mention(string id, string conversation = "c1") => new()
    {
        Id = id,
        Channel = "twitter",
        ConversationId = conversation,
        Author = new MentionAuthor { Id = "98765", Name = "Dana Kim" },
        Text = "still waiting " + id,
        ReceivedAt = Night,
    };

    private static TriageDecision Acknowledged(Mention mention) => new()
    {
        MentionId = mention.Id,
        Channel = mention.Channel,
        DecidedAt = Night,
        Staffed = false,
        Reply = new ReplyDraft("Hi Dana, we're back at 9."),
        Trace = [],
    };

    [Fact]
    public async Task ReserveAcknowledgement_ShouldLetOnlyTheFirstOfTwoQuickMentionsAcknowledge_AndTheOtherSeeIt()
    {
        // Arrange: both mentions of the author were read before either was decided.
        using var services = _desk.Services();
        var ledger = services.GetRequiredService<IMentionLedger>();
        var first = Mention("m1");
        var second = Mention("m2");
        var firstState = await ledger.ReadAsync(first);
        var secondState = await ledger.ReadAsync(second);

        // Act
        var won = await ledger.ReserveAcknowledgementAsync(first, Acknowledged(first), firstState, 5);
        var lost = await ledger.ReserveAcknowledgementAsync(second, Acknowledged(second), secondState, 5);
        var reread = await ledger.ReadAsync(second);
        var retried = await ledger.ReadAsync(first);

        // Assert
        Assert.Equal(AcknowledgementReservation.Reserved, won);
        Assert.Equal(AcknowledgementReservation.Conflict, lost);
        Assert.Equal(Night, reread.History.LastAcknowledgedAt);
        Assert.Null(retried.History.LastAcknowledgedAt);
        Assert.Equal(AcknowledgementReservation.Reserved, await ledger.ReserveAcknowledgementAsync(first, Acknowledged(first), retried, 5));
    }

    [Fact]
    public async Task ReserveAcknowledgement_ShouldRefuse_WhenTheAuthorHadTheDailyMaximumInOtherConversations()
    {
        // Arrange
        using var services = _desk.Services();
        var ledger = services.GetRequiredService<IMentionLedger>();
        var outcomes = new List<AcknowledgementReservation>();

        // Act
        foreach (var mention in new[] { Mention("m1", "c1"), Mention("m2", "c2"), Mention("m3", "c3") })
        {
            outcomes.Add(await ledger.ReserveAcknowledgementAsync(mention, Acknowledged(mention), await ledger.ReadAsync(mention), 2));
        }

        // Assert
        Assert.Equal([AcknowledgementReservation.Reserved, AcknowledgementReservation.Reserved, AcknowledgementReservation.DailyLimitReached], outcomes);
    }

    [Fact]
    public async Task Effects_ShouldBeRememberedPerHandoff()
    {
        // Arrange
        using var services = _desk.Services();
        var effects = services.GetRequiredService<IEffectLog>();
        var mention = Mention("m1");

        // Act
        var before = await effects.HasDoneAsync(mention, TriageMentionProcessor.NoticeEffect("twitter/m1"));
        await effects.MarkDoneAsync(mention, TriageMentionProcessor.NoticeEffect("twitter/m1"), Night);

        // Assert
        Assert.False(before);
        Assert.True(await effects.HasDoneAsync(mention, TriageMentionProcessor.NoticeEffect("twitter/m1")));
        Assert.False(await effects.HasDoneAsync(mention, TriageMentionProcessor.NoticeEffect("twitter/m2")));
    }
}
