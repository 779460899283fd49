using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SocialBot.Core.Acknowledgements;
using SocialBot.Core.Channels;
using SocialBot.Core.Configuration;
using SocialBot.Core.Hours;
using SocialBot.Core.Mentions;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Tests.Support;
using SocialBot.Core.Triage;

namespace SocialBot.Core.Tests.Triage;

public sealed class TriagePolicyTests
{
    private static readonly DateTimeOffset MondayNight = new(2026, 11, 23, 21, 0, 0, TestData.Est);
    private static readonly DateTimeOffset MondayNoon = new(2026, 11, 23, 12, 0, 0, TestData.Est);

    private readonly Mock<ISentimentAnalyzer> _sentiment = new();
    private readonly Mock<IConversationHistory> _history = new();

    public TriagePolicyTests()
    {
        SetSentiment(SentimentLabel.Neutral, 0);
        _history.Setup(h => h.GetAsync(It.IsAny<Mention>(), It.IsAny<CancellationToken>())).ReturnsAsync(ConversationHistory.Empty);
    }

    private TriagePolicy Policy(SocialBotOptions? options = null)
    {
        options ??= TestData.Options();
        var hours = StaffedHours.Create(options.StaffedHours);
        var composer = new AcknowledgementComposer(AcknowledgementTemplates.From(options.Acknowledgement), options.AfterHours, hours, new ChannelCatalog());
        return new TriagePolicy(hours, _sentiment.Object, _history.Object, composer, options, NullLogger<TriagePolicy>.Instance);
    }

    private void SetSentiment(SentimentLabel label, double score, params string[] cues) =>
        _sentiment.Setup(s => s.AnalyzeAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TestData.Sentiment(label, score, cues));

    private void SetHistory(ConversationHistory history) =>
        _history.Setup(h => h.GetAsync(It.IsAny<Mention>(), It.IsAny<CancellationToken>())).ReturnsAsync(history);

    [Fact]
    public async Task Decide_ShouldAcknowledgeAndHandOffNormal_WhenAfterHoursAndNeutral()
    {
        var decision = await Policy().DecideAsync(TestData.Mention(), MondayNight);

        Assert.False(decision.Staffed);
        Assert.True(decision.Acknowledge);
        Assert.Equal(HandoffPriority.Normal, decision.Handoff!.Priority);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TestData.Est), decision.NextStaffedAt);
        Assert.Null(decision.Ignored);
        Assert.Contains(decision.Trace, line => line.Contains("outside staffed hours", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_ShouldHandOffUrgentWithCues_WhenNegative()
    {
        SetSentiment(SentimentLabel.Negative, -0.7, "waiting: \"still waiting\"");

        var decision = await Policy().DecideAsync(TestData.Mention(text: "still waiting"), MondayNoon);

        Assert.Equal(HandoffPriority.Urgent, decision.Handoff!.Priority);
        Assert.Contains("waiting: \"still waiting\"", decision.Handoff.Reasons);
        Assert.False(decision.Acknowledge);
        Assert.Contains(decision.Trace, line => line.Contains("the team is on duty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_ShouldSetDueByInStaffedTime_WhenUrgentOnFridayEvening()
    {
        SetSentiment(SentimentLabel.Negative, -0.7);
        var fridayEvening = new DateTimeOffset(2026, 11, 27, 18, 0, 0, TestData.Est);

        var decision = await Policy().DecideAsync(TestData.Mention(), fridayEvening);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 30, 0, TestData.Est), decision.Handoff!.DueBy);
    }

    [Fact]
    public async Task Decide_ShouldNotHandOff_WhenNonNegativeAndFollowUpDisabled()
    {
        var options = TestData.Options(o => o.Triage.HandoffNonNegative = false);

        var decision = await Policy(options).DecideAsync(TestData.Mention(), MondayNight);

        Assert.Null(decision.Handoff);
        Assert.Equal(IgnoreReason.NoFollowUp, decision.Ignored);
        Assert.True(decision.Acknowledge);
    }

    [Fact]
    public async Task Decide_ShouldIgnoreBot_WithReason()
    {
        var decision = await Policy().DecideAsync(TestData.Mention(isBot: true), MondayNight);

        Assert.Equal(IgnoreReason.Bot, decision.Ignored);
        Assert.False(decision.Acknowledge);
        Assert.Null(decision.Handoff);
        _sentiment.Verify(s => s.AnalyzeAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("@contosocare", "u9")]
    [InlineData("ContosoCare", "u9")]
    [InlineData("@someone", "@ContosoCare")]
    public async Task Decide_ShouldIgnoreOwnAccount_ByHandleOrId(string handle, string authorId)
    {
        var decision = await Policy().DecideAsync(TestData.Mention(handle: handle, authorId: authorId), MondayNight);

        Assert.Equal(IgnoreReason.OwnAccount, decision.Ignored);
        Assert.Contains(decision.Trace, line => line.Contains("own accounts", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Automatic reply: I am out of the office until Monday.")]
    [InlineData("I'm currently away with limited access to email")]
    [InlineData("This is an automated message, do not reply to this account")]
    public async Task Decide_ShouldIgnoreAutoReply(string text)
    {
        var decision = await Policy().DecideAsync(TestData.Mention(text: text), MondayNight);

        Assert.Equal(IgnoreReason.AutoReply, decision.Ignored);
    }

    [Fact]
    public async Task Decide_ShouldNotAcknowledgeTwice_InSameClosedPeriod()
    {
        SetHistory(new ConversationHistory { LastAcknowledgedAt = MondayNight.AddHours(-3) });

        var decision = await Policy().DecideAsync(TestData.Mention(), MondayNight);

        Assert.False(decision.Acknowledge);
        Assert.NotNull(decision.Handoff);
        Assert.Contains(decision.Trace, line => line.Contains("already acknowledged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_ShouldAcknowledgeAgain_InNextClosedPeriod()
    {
        SetHistory(new ConversationHistory { LastAcknowledgedAt = MondayNight.AddDays(-1) });

        var decision = await Policy().DecideAsync(TestData.Mention(), MondayNight);

        Assert.True(decision.Acknowledge);
    }

    [Fact]
    public async Task Decide_ShouldStaySilent_WhenAgentRepliedRecently()
    {
        SetHistory(new ConversationHistory { LastAgentReplyAt = MondayNight.AddMinutes(-4) });

        var decision = await Policy().DecideAsync(TestData.Mention(), MondayNight);

        Assert.False(decision.Acknowledge);
        Assert.Contains(decision.Trace, line => line.Contains("an agent replied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_ShouldAcknowledge_WhenAgentReplyIsOlderThanQuietWindow()
    {
        SetHistory(new ConversationHistory { LastAgentReplyAt = MondayNight.AddMinutes(-11) });

        var decision = await Policy().DecideAsync(TestData.Mention(), MondayNight);

        Assert.True(decision.Acknowledge);
    }

    [Fact]
    public async Task Decide_ShouldIgnoreDuplicate_WhenSameAuthorRepostsSameText()
    {
        var mention = TestData.Mention(id: "m2", text: "Where is my ORDER?!");
        SetHistory(new ConversationHistory
        {
            RecentMentions = [new RecentMention("m1", "u1", MentionFingerprint.Of("where is my order"), mention.ReceivedAt.AddMinutes(-2))],
        });

        var decision = await Policy().DecideAsync(mention, MondayNight);

        Assert.Equal(IgnoreReason.Duplicate, decision.Ignored);
        Assert.Contains(decision.Trace, line => line.Contains("duplicate of m1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_ShouldNotTreatOtherAuthorsSameTextAsDuplicate()
    {
        var mention = TestData.Mention(id: "m2");
        SetHistory(new ConversationHistory
        {
            RecentMentions = [new RecentMention("m1", "someone-else", MentionFingerprint.Of(mention.Text), mention.ReceivedAt)],
        });

        var decision = await Policy().DecideAsync(mention, MondayNight);

        Assert.Null(decision.Ignored);
    }
}
