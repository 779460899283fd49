using Moq;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Triage;

namespace SocialBot.Core.Tests.Handoffs;

public sealed class EscalationNotifierTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 30, 14, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Notify_ShouldQueueNothing_WhenNoWebhookIsSet()
    {
        // Arrange
        var queue = new Mock<IEscalationQueue>();
        var notifier = new EscalationNotifier(new EscalationOptions { OnCall = "@maria" }, queue.Object);

        // Act
        var queued = await notifier.NotifyAsync(HandoffRulesTests.Ticket("m", HandoffPriority.Urgent, Due, arrivedAfterHours: true));

        // Assert
        Assert.False(queued);
        queue.Verify(q => q.EnqueueAsync(It.IsAny<EscalationNotice>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public void Plan_ShouldIgnoreNormalHandoffs()
    {
        // Arrange
        var notifier = new EscalationNotifier(new EscalationOptions { WebhookUrl = "https://hooks.example/x" }, Mock.Of<IEscalationQueue>());

        // Act
        var notice = notifier.Plan(HandoffRulesTests.Ticket("m", HandoffPriority.Normal, Due, arrivedAfterHours: true));

        // Assert
        Assert.Null(notice);
    }

    [Theory]
    [InlineData(true, "@maria")]
    [InlineData(false, null)]
    public void Plan_ShouldNameTheOnCallPerson_OnlyOutsideStaffedHours(bool afterHours, string? expected)
    {
        // Arrange
        var notifier = new EscalationNotifier(new EscalationOptions { WebhookUrl = "https://hooks.example/x", OnCall = "@maria" }, Mock.Of<IEscalationQueue>());

        // Act
        var notice = notifier.Plan(HandoffRulesTests.Ticket("m", HandoffPriority.Urgent, Due, afterHours));

        // Assert
        Assert.NotNull(notice);
        Assert.Equal(expected, notice.OnCall);
        Assert.Equal("twitter/m", notice.HandoffId);
        Assert.Equal(Due, notice.DueBy);
        Assert.Null(notice.Text);
    }

    [Fact]
    public void Plan_ShouldIncludeTheText_OnlyWhenConfigured()
    {
        // Arrange
        var notifier = new EscalationNotifier(new EscalationOptions { WebhookUrl = "https://hooks.example/x", IncludeText = true }, Mock.Of<IEscalationQueue>());

        // Act
        var notice = notifier.Plan(HandoffRulesTests.Ticket("m", HandoffPriority.Urgent, Due, arrivedAfterHours: false));

        // Assert
        Assert.Equal("Where is my refund?", notice?.Text);
    }

    [Theory]
    [InlineData("ftp://hooks.example/x", false)]
    [InlineData("hooks.example/x", false)]
    [InlineData("https://hooks.example/x", true)]
    [InlineData("", true)]
    [InlineData("http://hooks.example/x", false)]
    [InlineData("http://10.0.0.5/hooks", false)]
    [InlineData("https://user:secret@hooks.example/x", false)]
    [InlineData("http://127.0.0.1:7071/hooks", true)]
    [InlineData("http://localhost:7071/hooks", true)]
    public void Validator_ShouldAcceptOnlyHttpsUrlsOrLoopbackHttp(string url, bool valid)
    {
        // Act
        var result = new EscalationOptionsValidator().Validate(null, new EscalationOptions { WebhookUrl = url });

        // Assert
        Assert.Equal(valid, result.Succeeded);
    }

    [Theory]
    [InlineData(false, "waiting")]
    [InlineData(true, "waiting: \"still waiting on my refund\"")]
    public void Plan_ShouldNotQuoteTheCustomer_InReasons_WhenTextIsNotIncluded(bool includeText, string expected)
    {
        // Arrange
        var notifier = new EscalationNotifier(new EscalationOptions { WebhookUrl = "https://hooks.example/x", IncludeText = includeText }, Mock.Of<IEscalationQueue>());
        var ticket = HandoffRulesTests.Ticket("m", HandoffPriority.Urgent, Due, arrivedAfterHours: true) with
        {
            Reasons = ["negative sentiment (-0.70)", "waiting: \"still waiting on my refund\"", "arrived after hours"],
        };

        // Act
        var notice = notifier.Plan(ticket)!;

        // Assert
        Assert.Equal(["negative sentiment (-0.70)", expected, "arrived after hours"], notice.Reasons);
    }

    [Theory]
    [InlineData("lexicon: \"awful\" -2.5", "lexicon: -2.5")]
    [InlineData("sarcasm: \"great, just great\"", "sarcasm")]
    [InlineData("arrived after hours", "arrived after hours")]
    public void WithoutQuotes_ShouldDropEveryQuotedSpan(string reason, string expected)
    {
        // Act
        var cleaned = EscalationNotifier.WithoutQuotes(reason);

        // Assert
        Assert.Equal(expected, cleaned);
    }
}
