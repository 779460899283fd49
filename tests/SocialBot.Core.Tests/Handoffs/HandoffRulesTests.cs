using SocialBot.Core.Handoffs;
using SocialBot.Core.Mentions;
using SocialBot.Core.Processing;
using SocialBot.Core.Triage;

namespace SocialBot.Core.Tests.Handoffs;

public sealed class HandoffRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EffectiveStatus_ShouldBeOpen_WhenTheLeaseHasExpired()
    {
        // Act
        var expired = HandoffRules.EffectiveStatus(HandoffStatus.Claimed, Now.AddSeconds(-1), Now);
        var held = HandoffRules.EffectiveStatus(HandoffStatus.Claimed, Now.AddMinutes(1), Now);
        var resolved = HandoffRules.EffectiveStatus(HandoffStatus.Resolved, Now.AddMinutes(-60), Now);

        // Assert
        Assert.Equal(HandoffStatus.Open, expired);
        Assert.Equal(HandoffStatus.Claimed, held);
        Assert.Equal(HandoffStatus.Resolved, resolved);
    }

    [Fact]
    public void InClaimOrder_ShouldPutUrgentFirst_ThenTheEarliestDue()
    {
        // Arrange
        var handoffs = new[]
        {
            Handoff("normal-early", HandoffPriority.Normal, Now.AddMinutes(-30)),
            Handoff("urgent-late", HandoffPriority.Urgent, Now.AddMinutes(20)),
            Handoff("urgent-early", HandoffPriority.Urgent, Now.AddMinutes(10)),
        };

        // Act
        var order = HandoffRules.InClaimOrder(handoffs).Select(h => h.MentionId);

        // Assert
        Assert.Equal(["urgent-early", "urgent-late", "normal-early"], order);
    }

    [Fact]
    public void InListOrder_ShouldPutOverdueFirst_AndResolvedLast()
    {
        // Arrange
        var handoffs = new[]
        {
            Handoff("resolved", HandoffPriority.Urgent, Now.AddMinutes(-90), HandoffStatus.Resolved),
            Handoff("urgent", HandoffPriority.Urgent, Now.AddMinutes(10)),
            Handoff("overdue-normal", HandoffPriority.Normal, Now.AddMinutes(-5)),
        };

        // Act
        var order = HandoffRules.InListOrder(handoffs).Select(h => h.MentionId);

        // Assert
        Assert.Equal(["overdue-normal", "urgent", "resolved"], order);
    }

    [Theory]
    [InlineData(HandoffStatus.Open, null, "reply", null)]
    [InlineData(HandoffStatus.Open, null, "resolve", null)]
    [InlineData(HandoffStatus.Claimed, "Alex", "reply", null)]
    [InlineData(HandoffStatus.Claimed, "sam", "resolve", "handoff twitter/m is claimed by sam until 15:15 UTC; only sam can resolve it")]
    [InlineData(HandoffStatus.Open, null, "extend", "handoff twitter/m is not claimed by you, so there is nothing to extend (claim work with `socialbot agent next`)")]
    [InlineData(HandoffStatus.Resolved, "alex", "reply", "handoff twitter/m is already resolved; nothing more can be done with it")]
    public void Refusal_ShouldOnlyLetTheClaimerAct(HandoffStatus status, string? claimedBy, string action, string? expected)
    {
        // Arrange
        var handoff = Handoff("m", HandoffPriority.Urgent, Now) with { Status = status, ClaimedBy = claimedBy, ClaimedUntil = Now.AddMinutes(15) };

        // Act
        var refusal = HandoffRules.Refusal(handoff, "alex", action);

        // Assert
        Assert.Equal(expected, refusal);
    }

    [Theory]
    [InlineData("release", null)]
    [InlineData("resolve", "handoff twitter/m is claimed by sam until 15:15 UTC; only sam can resolve it")]
    [InlineData("reply", "handoff twitter/m is claimed by sam until 15:15 UTC; only sam can reply it")]
    public void Refusal_ShouldLetASupervisorReleaseSomeoneElsesClaim_ButNothingMore(string action, string? expected)
    {
        // Arrange
        var handoff = Handoff("m", HandoffPriority.Urgent, Now) with { Status = HandoffStatus.Claimed, ClaimedBy = "sam", ClaimedUntil = Now.AddMinutes(15) };

        // Act
        var refusal = HandoffRules.Refusal(handoff, "lee", action, supervisor: true);

        // Assert
        Assert.Equal(expected, refusal);
        Assert.NotNull(HandoffRules.Refusal(handoff, "lee", "release", supervisor: false));
    }

    internal static Handoff Handoff(string mentionId, HandoffPriority priority, DateTimeOffset dueBy, HandoffStatus status = HandoffStatus.Open) => new()
    {
        Id = "twitter/" + mentionId,
        MentionId = mentionId,
        Channel = "twitter",
        Priority = priority,
        Status = status,
        DueBy = dueBy,
        Overdue = HandoffRules.IsOverdue(status, dueBy, Now),
        CreatedAt = Now.AddHours(-1),
        Ticket = Ticket(mentionId, priority, dueBy, arrivedAfterHours: false),
        Audit = [],
    };

    internal static HandoffTicket Ticket(string mentionId, HandoffPriority priority, DateTimeOffset dueBy, bool arrivedAfterHours) => new()
    {
        Id = "twitter/" + mentionId,
        Mention = new Mention
        {
            Id = mentionId,
            Channel = "twitter",
            ConversationId = "c-" + mentionId,
            Author = new MentionAuthor { Id = "a" },
            Text = "Where is my refund?",
            ReceivedAt = Now.AddHours(-1),
        },
        Priority = priority,
        Reasons = ["negative sentiment"],
        DueBy = dueBy,
        ArrivedAfterHours = arrivedAfterHours,
        HandedOffAt = Now.AddHours(-1),
        Trace = [],
    };
}
