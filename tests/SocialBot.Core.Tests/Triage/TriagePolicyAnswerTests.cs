using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SocialBot.Core.Acknowledgements;
using SocialBot.Core.Answers;
using SocialBot.Core.Channels;
using SocialBot.Core.Configuration;
using SocialBot.Core.Hours;
using SocialBot.Core.Mentions;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Tests.Answers;
using SocialBot.Core.Tests.Support;
using SocialBot.Core.Triage;

namespace SocialBot.Core.Tests.Triage;

public sealed class TriagePolicyAnswerTests
{
    private static readonly DateTimeOffset MondayNight = new(2026, 11, 23, 21, 0, 0, TestData.Est);
    private static readonly DateTimeOffset MondayNoon = new(2026, 11, 23, 12, 0, 0, TestData.Est);
    private const string RainQuestion = "@ContosoCare are you open if it rains tomorrow?";

    private readonly Mock<ISentimentAnalyzer> _sentiment = new();
    private readonly Mock<IConversationHistory> _history = new();

    public TriagePolicyAnswerTests()
    {
        SetSentiment(SentimentLabel.Neutral, 0);
        _history.Setup(h => h.GetAsync(It.IsAny<Mention>(), It.IsAny<CancellationToken>())).ReturnsAsync(ConversationHistory.Empty);
    }

    private void SetSentiment(SentimentLabel label, double score) =>
        _sentiment.Setup(s => s.AnalyzeAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(TestData.Sentiment(label, score));

    private TriagePolicy Policy(AnswersOptions? answers = null, Action<SocialBotOptions>? change = null)
    {
        var options = TestData.Options(change);
        var hours = StaffedHours.Create(options.StaffedHours);
        var composer = new AcknowledgementComposer(AcknowledgementTemplates.From(options.Acknowledgement), options.AfterHours, hours, new ChannelCatalog());
        answers ??= AnswerTestData.Options();
        var knowledge = AnswerKnowledge.From(answers);
        var quick = new QuickAnswers(knowledge, new LexicalAnswerMatcher(knowledge, answers.Lexical), answers, hours);
        return new TriagePolicy(hours, _sentiment.Object, _history.Object, composer, options, NullLogger<TriagePolicy>.Instance, quick);
    }

    [Fact]
    public async Task Decide_ShouldPutTheAnswerFirst_ThenBackAtAndContacts_WhenAfterHours()
    {
        var decision = await Policy().DecideAsync(TestData.Mention(RainQuestion), MondayNight);

        var text = decision.Reply!.Text;
        Assert.Equal("rain", decision.Answer!.EntryId);
        Assert.True(decision.Answer.Score >= 0.62);
        Assert.True(text.IndexOf(AnswerTestData.RainAnswer, StringComparison.Ordinal) < text.IndexOf("9:00 AM", StringComparison.Ordinal));
        Assert.Contains("help@contoso.example", text, StringComparison.Ordinal);
        Assert.Contains("+1 555 0100", text, StringComparison.Ordinal);
        Assert.True(TextLength.TwitterWeighted(text) <= 280);
        Assert.Contains(decision.Trace, line => line.StartsWith("quick answer rain (lexical): best rain", StringComparison.Ordinal) && line.Contains("runner-up opening-hours", StringComparison.Ordinal));
        Assert.Equal(HandoffPriority.Normal, decision.Handoff!.Priority);
        Assert.Contains("answered automatically: check", decision.Handoff.Reasons);
    }

    [Fact]
    public async Task Decide_ShouldShortenTheFlourish_NeverTheAnswerOrContacts_WhenTheAnswerIsLongOnX()
    {
        var answer = "Yes! We're open rain or shine: the stall has a roof, heaters and hot cider all morning, so come as you are and bring a friend.";
        var answers = AnswerTestData.Options(o => o.Entries[0].Answer = answer);

        var decision = await Policy(answers).DecideAsync(TestData.Mention(RainQuestion, name: "Alexandria-Josephine Montgomery"), MondayNight);

        var text = decision.Reply!.Text;
        Assert.Contains(answer, text, StringComparison.Ordinal);
        Assert.Contains("help@contoso.example", text, StringComparison.Ordinal);
        Assert.Contains("+1 555 0100", text, StringComparison.Ordinal);
        Assert.Contains("9:00 AM", text, StringComparison.Ordinal);
        Assert.InRange(TextLength.TwitterWeighted(text), 200, 280);
        Assert.Contains(decision.Trace, line => line.Contains("shortened to fit", StringComparison.Ordinal) && line.Contains("answer rain first", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_ShouldAcknowledgeWithoutTheAnswer_WhenItCannotFitWhole()
    {
        var answer = string.Join(' ', Enumerable.Repeat("Yes, we're open rain or shine.", 9));
        var answers = AnswerTestData.Options(o => o.Entries[0].Answer = answer);

        var decision = await Policy(answers).DecideAsync(TestData.Mention(RainQuestion), MondayNight);

        Assert.DoesNotContain("rain or shine", decision.Reply!.Text, StringComparison.Ordinal);
        Assert.Contains("help@contoso.example", decision.Reply.Text, StringComparison.Ordinal);
        Assert.Null(decision.Answer);
        Assert.Contains(decision.Trace, line => line.Contains("answer rain left out: too long for twitter", StringComparison.Ordinal));
        Assert.DoesNotContain("answered automatically: check", decision.Handoff!.Reasons);
    }

    [Fact]
    public async Task Decide_ShouldApologiseAnswerAndHandOffUrgent_WhenNegativeAndClearlyRelevant()
    {
        SetSentiment(SentimentLabel.Negative, -0.6);

        var decision = await Policy().DecideAsync(TestData.Mention("ugh, how long do refunds take?"), MondayNoon);

        Assert.Equal("refunds", decision.Answer?.EntryId);
        Assert.StartsWith("Hi Dana, sorry about this.", decision.Reply!.Text.Replace("Hello", "Hi", StringComparison.Ordinal).Replace("Hey", "Hi", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Refunds take 5-7 business days.", decision.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("follow up", decision.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(HandoffPriority.Urgent, decision.Handoff!.Priority);
        Assert.Contains("answered automatically: check", decision.Handoff.Reasons);
    }

    [Fact]
    public async Task Decide_ShouldNotAnswerAComplaint_ThatMerelyMentionsRefunds()
    {
        SetSentiment(SentimentLabel.Negative, -0.8);

        var decision = await Policy().DecideAsync(TestData.Mention("what's your refund policy on broken items? third one this month"), MondayNight);

        Assert.Null(decision.Answer);
        Assert.DoesNotContain("5-7 business days", decision.Reply!.Text, StringComparison.Ordinal);
        Assert.Equal(HandoffPriority.Urgent, decision.Handoff!.Priority);
        Assert.Contains(decision.Trace, line => line.Contains("stricter threshold for a negative mention", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_ShouldSendTheAnswerAtOnce_AndStillHandOffNormal_WhenStaffed()
    {
        var decision = await Policy().DecideAsync(TestData.Mention(RainQuestion), MondayNoon);

        Assert.True(decision.Staffed);
        Assert.Equal($"Hi Dana! {AnswerTestData.RainAnswer}", decision.Reply!.Text.Replace("Hello", "Hi", StringComparison.Ordinal).Replace("Hey", "Hi", StringComparison.Ordinal));
        Assert.Equal("rain", decision.Answer?.EntryId);
        Assert.Equal(HandoffPriority.Normal, decision.Handoff!.Priority);
        Assert.Equal(["answered automatically: check"], decision.Handoff.Reasons);
    }

    [Fact]
    public async Task Decide_ShouldNotAnswerWhileStaffed_WhenDuringStaffedHoursIsOff()
    {
        var decision = await Policy(AnswerTestData.Options(o => o.DuringStaffedHours = false)).DecideAsync(TestData.Mention(RainQuestion), MondayNoon);

        Assert.Null(decision.Reply);
        Assert.Null(decision.Answer);
        Assert.Equal(["follow-up: a person answers every mention"], decision.Handoff!.Reasons);
        Assert.Contains(decision.Trace, line => line.Contains("DuringStaffedHours is off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_ShouldNotAnswerWhileStaffed_WhenAnAgentJustReplied()
    {
        _history.Setup(h => h.GetAsync(It.IsAny<Mention>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ConversationHistory.Empty with { LastAgentReplyAt = MondayNoon.AddMinutes(-3) });

        var decision = await Policy().DecideAsync(TestData.Mention(RainQuestion), MondayNoon);

        Assert.Null(decision.Reply);
        Assert.Contains(decision.Trace, line => line.Contains("not sent: an agent replied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_ShouldSkipTheHandoff_WhenAnsweredAndHandoffAnsweredQuestionsIsOff()
    {
        var decision = await Policy(AnswerTestData.Options(o => o.HandoffAnsweredQuestions = false)).DecideAsync(TestData.Mention(RainQuestion), MondayNight);

        Assert.Null(decision.Handoff);
        Assert.Equal(IgnoreReason.Answered, decision.Ignored);
        Assert.Equal("answered", IgnoreReasons.ToWire(IgnoreReason.Answered));
        Assert.Equal("rain", decision.Answer?.EntryId);
    }

    [Fact]
    public async Task Decide_ShouldStillHandOffUrgent_WhenNegativeEvenIfHandoffAnsweredQuestionsIsOff()
    {
        SetSentiment(SentimentLabel.Negative, -0.6);

        var decision = await Policy(AnswerTestData.Options(o => o.HandoffAnsweredQuestions = false)).DecideAsync(TestData.Mention("ugh, how long do refunds take?"), MondayNight);

        Assert.Equal("refunds", decision.Answer?.EntryId);
        Assert.Equal(HandoffPriority.Urgent, decision.Handoff!.Priority);
    }

    [Fact]
    public async Task Decide_ShouldAcknowledgeAsBefore_WhenNoEntryMatches()
    {
        var decision = await Policy().DecideAsync(TestData.Mention("where is my order?"), MondayNight);

        Assert.Null(decision.Answer);
        Assert.True(decision.Acknowledge);
        Assert.Contains(decision.Trace, line => line.StartsWith("no quick answer", StringComparison.Ordinal));
    }
}
