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

/// <summary>The rules for social networks: indirect mentions (brand search) and opt-outs.</summary>
public sealed class TriagePolicyNetworkRulesTests
{
    private static readonly DateTimeOffset MondayNight = new(2026, 11, 23, 21, 0, 0, TestData.Est);

    private readonly Mock<ISentimentAnalyzer> _sentiment = new();
    private readonly Mock<IConversationHistory> _history = new();

    public TriagePolicyNetworkRulesTests()
    {
        SetSentiment(SentimentLabel.Neutral, 0);
    }

    [Fact]
    public async Task Decide_ShouldHandOffNormalWithoutReply_WhenIndirectMentionAfterHours()
    {
        var decision = await Policy().DecideAsync(TestData.Mention() with { Direct = false }, MondayNight, ConversationHistory.Empty);

        Assert.False(decision.Acknowledge);
        Assert.Equal(HandoffPriority.Normal, decision.Handoff!.Priority);
        Assert.Contains("brand mention that does not address the account", decision.Handoff.Reasons);
        Assert.Contains(decision.Trace, line => line.Contains("indirect mention", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_ShouldHandOffUrgent_WhenIndirectMentionIsNegative()
    {
        SetSentiment(SentimentLabel.Negative, -0.8);

        var decision = await Policy().DecideAsync(TestData.Mention() with { Direct = false }, MondayNight, ConversationHistory.Empty);

        Assert.False(decision.Acknowledge);
        Assert.Equal(HandoffPriority.Urgent, decision.Handoff!.Priority);
    }

    [Fact]
    public async Task Decide_ShouldHandOffIndirectMention_WhenNonNegativeFollowUpIsOff()
    {
        var options = TestData.Options(o => o.Triage.HandoffNonNegative = false);

        var decision = await Policy(options).DecideAsync(TestData.Mention() with { Direct = false }, MondayNight, ConversationHistory.Empty);

        Assert.NotNull(decision.Handoff);
    }

    [Fact]
    public async Task Decide_ShouldAcknowledgeIndirectMention_WhenConfigured()
    {
        var options = TestData.Options(o => o.Triage.ReplyToIndirectMentions = true);

        var decision = await Policy(options).DecideAsync(TestData.Mention() with { Direct = false }, MondayNight, ConversationHistory.Empty);

        Assert.True(decision.Acknowledge);
    }

    [Theory]
    [InlineData("stop")]
    [InlineData("@ContosoCare STOP!")]
    [InlineData("Unsubscribe.")]
    public async Task Decide_ShouldOptOutWithoutReply_WhenTheTextIsAnOptOutWord(string text)
    {
        var decision = await Policy().DecideAsync(TestData.Mention(text: text), MondayNight, ConversationHistory.Empty);

        Assert.True(decision.OptOut);
        Assert.False(decision.Acknowledge);
        Assert.Contains(decision.Trace, line => line.StartsWith("opt-out:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_ShouldNotOptOut_WhenStopIsPartOfASentence()
    {
        var decision = await Policy().DecideAsync(TestData.Mention(text: "please don't stop the deliveries"), MondayNight, ConversationHistory.Empty);

        Assert.False(decision.OptOut);
        Assert.True(decision.Acknowledge);
    }

    [Fact]
    public async Task Decide_ShouldUseConfiguredWords_WhenOptOutWordsAreSet()
    {
        var options = TestData.Options(o => o.Triage.OptOutWords.Add("halt"));

        var halt = await Policy(options).DecideAsync(TestData.Mention(text: "HALT"), MondayNight, ConversationHistory.Empty);
        var stop = await Policy(options).DecideAsync(TestData.Mention(text: "stop"), MondayNight, ConversationHistory.Empty);

        Assert.True(halt.OptOut);
        Assert.False(stop.OptOut);
    }

    [Fact]
    public async Task Decide_ShouldSendNoAutomaticReplyButStillHandOff_WhenTheAuthorOptedOut()
    {
        var history = ConversationHistory.Empty with { OptedOutAt = new DateTimeOffset(2026, 11, 20, 22, 0, 0, TestData.Est) };

        var decision = await Policy().DecideAsync(TestData.Mention(), MondayNight, history);

        Assert.False(decision.Acknowledge);
        Assert.False(decision.OptOut);
        Assert.NotNull(decision.Handoff);
        Assert.Contains(decision.Trace, line => line.Contains("opted out of automatic replies", StringComparison.Ordinal) && line.Contains("2026-11-2", StringComparison.Ordinal));
    }

    private TriagePolicy Policy(SocialBotOptions? options = null)
    {
        options ??= TestData.Options();
        var hours = StaffedHours.Create(options.StaffedHours);
        var composer = new AcknowledgementComposer(AcknowledgementTemplates.From(options.Acknowledgement), options.AfterHours, hours, new ChannelCatalog());
        return new TriagePolicy(hours, _sentiment.Object, _history.Object, composer, options, NullLogger<TriagePolicy>.Instance);
    }

    private void SetSentiment(SentimentLabel label, double score) =>
        _sentiment.Setup(s => s.AnalyzeAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TestData.Sentiment(label, score));
}
