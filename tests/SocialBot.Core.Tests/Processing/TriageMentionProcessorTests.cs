using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using SocialBot.Core.Acknowledgements;
using SocialBot.Core.Channels;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Hours;
using SocialBot.Core.Mentions;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Serialization;
using SocialBot.Core.Tests.Support;
using SocialBot.Core.Triage;

namespace SocialBot.Core.Tests.Processing;

public sealed class TriageMentionProcessorTests
{
    private static readonly DateTimeOffset MondayNight = new(2026, 11, 23, 21, 0, 0, TestData.Est);

    private readonly FakeTimeProvider _time = new(MondayNight);
    private readonly Mock<ISentimentAnalyzer> _sentiment = new();
    private readonly Mock<IMentionLedger> _ledger = new();
    private readonly Mock<IOutboundQueues> _queues = new();
    private readonly Mock<IEscalationQueue> _notices = new();
    private readonly Mock<IHandoffAnnouncer> _announcer = new();
    private readonly Mock<IEffectLog> _effects = new();
    private readonly HashSet<string> _done = [];

    public TriageMentionProcessorTests()
    {
        _sentiment.Setup(s => s.AnalyzeAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(TestData.Sentiment(SentimentLabel.Negative, -0.7, "waiting: \"still waiting\""));
        _ledger.Setup(l => l.ReadAsync(It.IsAny<Mention>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LedgerState(false, ConversationHistory.Empty));
        _ledger.Setup(l => l.ReserveAcknowledgementAsync(It.IsAny<Mention>(), It.IsAny<TriageDecision>(), It.IsAny<LedgerState>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(AcknowledgementReservation.Reserved);
        _ledger.Setup(l => l.RecordAsync(It.IsAny<Mention>(), It.IsAny<TriageDecision>(), It.IsAny<LedgerState>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);
        _effects.Setup(e => e.HasDoneAsync(It.IsAny<Mention>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Mention _, string effect, CancellationToken _) => _done.Contains(effect));
        _effects.Setup(e => e.MarkDoneAsync(It.IsAny<Mention>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Callback((Mention _, string effect, DateTimeOffset _, CancellationToken _) => _done.Add(effect))
            .Returns(Task.CompletedTask);
    }

    private static string Message => JsonSerializer.Serialize(TestData.Mention("I am still waiting for my refund"), SocialBotJson.Options);

    private TriageMentionProcessor Processor(int dailyLimit = 5)
    {
        var options = TestData.Options();
        var hours = StaffedHours.Create(options.StaffedHours);
        var composer = new AcknowledgementComposer(AcknowledgementTemplates.From(options.Acknowledgement), options.AfterHours, hours, new ChannelCatalog());
        var policy = new TriagePolicy(hours, _sentiment.Object, Mock.Of<IConversationHistory>(), composer, options, NullLogger<TriagePolicy>.Instance);
        var escalation = new EscalationNotifier(new EscalationOptions { WebhookUrl = "https://hooks.example/socialbot" }, _notices.Object);
        return new TriageMentionProcessor(
            new MentionParser(new ChannelCatalog()),
            policy,
            _ledger.Object,
            _queues.Object,
            _time,
            NullLogger<TriageMentionProcessor>.Instance,
            [_announcer.Object],
            escalation,
            optOuts: null,
            _effects.Object,
            new AutoReplyOptions { MaxPerAuthorPerDay = dailyLimit });
    }

    [Fact]
    public async Task Process_ShouldNotifyAndAnnounceOncePerHandoff_WhenDeliveredAgainBeforeTheOutcomeWasRecorded()
    {
        // Arrange: the first delivery queued everything, then failed to record the outcome (storage blip, crash).
        _ledger.SetupSequence(l => l.RecordAsync(It.IsAny<Mention>(), It.IsAny<TriageDecision>(), It.IsAny<LedgerState>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("storage went away"))
            .ReturnsAsync(true);
        var processor = Processor();

        // Act
        await Assert.ThrowsAsync<IOException>(() => processor.ProcessAsync(Message));
        var retry = await processor.ProcessAsync(Message);

        // Assert
        Assert.True(retry.Completed);
        _notices.Verify(q => q.EnqueueAsync(It.Is<EscalationNotice>(n => n.HandoffId == "twitter/m1"), It.IsAny<CancellationToken>()), Times.Once);
        _announcer.Verify(a => a.AnnounceAsync(It.Is<HandoffTicket>(t => t.Id == "twitter/m1"), It.IsAny<CancellationToken>()), Times.Once);
        _queues.Verify(q => q.EnqueueHandoffAsync(It.IsAny<HandoffTicket>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Process_ShouldDecideAgainAndNotAcknowledge_WhenAnotherMentionOfTheAuthorWasAcknowledgedMeanwhile()
    {
        // Arrange: read before the other mention was recorded; the reservation finds the acknowledgement changed.
        var afterOther = new LedgerState(false, ConversationHistory.Empty with { LastAcknowledgedAt = MondayNight.AddMinutes(-1) }) { AcknowledgementVersion = "v2" };
        _ledger.SetupSequence(l => l.ReadAsync(It.IsAny<Mention>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LedgerState(false, ConversationHistory.Empty))
            .ReturnsAsync(afterOther);
        _ledger.Setup(l => l.ReserveAcknowledgementAsync(It.IsAny<Mention>(), It.IsAny<TriageDecision>(), It.IsAny<LedgerState>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(AcknowledgementReservation.Conflict);

        // Act
        var result = await Processor().ProcessAsync(Message);

        // Assert
        Assert.True(result.Completed);
        _queues.Verify(q => q.EnqueueReplyAsync(It.IsAny<OutgoingReply>(), It.IsAny<CancellationToken>()), Times.Never);
        _ledger.Verify(l => l.ReserveAcknowledgementAsync(It.IsAny<Mention>(), It.IsAny<TriageDecision>(), It.IsAny<LedgerState>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Once);
        _ledger.Verify(l => l.RecordAsync(It.IsAny<Mention>(), It.Is<TriageDecision>(d => !d.Acknowledge), afterOther, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Process_ShouldSendNoAcknowledgement_WhenTheAuthorsDailyCapIsReached()
    {
        // Arrange
        _ledger.Setup(l => l.ReserveAcknowledgementAsync(It.IsAny<Mention>(), It.IsAny<TriageDecision>(), It.IsAny<LedgerState>(), 2, It.IsAny<CancellationToken>()))
            .ReturnsAsync(AcknowledgementReservation.DailyLimitReached);

        // Act
        var result = await Processor(dailyLimit: 2).ProcessAsync(Message);

        // Assert
        Assert.True(result.Completed);
        _queues.Verify(q => q.EnqueueReplyAsync(It.IsAny<OutgoingReply>(), It.IsAny<CancellationToken>()), Times.Never);
        _queues.Verify(q => q.EnqueueHandoffAsync(It.Is<HandoffTicket>(t => t.Acknowledgement == null), It.IsAny<CancellationToken>()), Times.Once);
        _ledger.Verify(
            l => l.RecordAsync(
                It.IsAny<Mention>(),
                It.Is<TriageDecision>(d => !d.Acknowledge && d.Trace[d.Trace.Count - 1].Contains("MaxPerAuthorPerDay", StringComparison.Ordinal)),
                It.IsAny<LedgerState>(),
                It.IsAny<CancellationToken>()),
            Times.Once);
    }
}
