using SocialBot.Core.Sentiment;

namespace SocialBot.Core.Tests.Sentiment;

/// <summary>The two known lexicon errors: thanks for a fix read as sarcasm, and refund policy questions read as complaints.</summary>
public sealed class CareContextTests
{
    private readonly EmbeddedSentimentAnalyzer _analyzer = new();

    [Theory]
    [InlineData("thanks for rebooking me after my flight was cancelled")]
    [InlineData("Thank you so much for fixing my delayed order, great service")]
    [InlineData("thanks for sorting out my refund so quickly")]
    [InlineData("really appreciate you finding my lost bag!")]
    public void Analyze_ShouldStayPositive_WhenThanksFollowAFixedProblem(string text)
    {
        var result = _analyzer.Analyze(text);

        Assert.Equal(SentimentLabel.Positive, result.Label);
        Assert.DoesNotContain(result.Cues, c => c.StartsWith(CareCueFamilies.Sarcasm, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Cues, c => c.StartsWith(CareCueFamilies.Failure, StringComparison.Ordinal));
        Assert.Contains(result.Cues, c => c.StartsWith("resolved:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("thanks for the 3 hour delay, great job")]
    [InlineData("thanks, my booking is still not fixed after the cancellation")]
    [InlineData("great, flight cancelled again")]
    public void Analyze_ShouldStillReadSarcasm_WhenNothingWasFixed(string text)
    {
        var result = _analyzer.Analyze(text);

        Assert.Equal(SentimentLabel.Negative, result.Label);
    }

    [Theory]
    [InlineData("what is your refund policy?")]
    [InlineData("can I get a refund if my plans change?")]
    [InlineData("do you offer refunds on economy tickets?")]
    [InlineData("Are basic fares refundable?")]
    public void Analyze_ShouldNotReportFailure_WhenRefundIsAPolicyQuestion(string text)
    {
        var result = _analyzer.Analyze(text);

        Assert.NotEqual(SentimentLabel.Negative, result.Label);
        Assert.DoesNotContain(result.Cues, c => c.StartsWith(CareCueFamilies.Failure, StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_ShouldOnlyScoreTheWords_WhenAPolicyQuestionMentionsCancelling()
    {
        var result = _analyzer.Analyze("can I get a refund if I cancel my booking?");

        // "cancel" is a mildly negative lexicon word (-1.0); the refund is not counted as a service failure (-2.0) on top.
        Assert.Equal(["lexicon: \"cancel\" -1"], result.Cues);
    }

    [Theory]
    [InlineData("I want a refund for the extra legroom seat")]
    [InlineData("can I get my refund already?")]
    [InlineData("still no refund after 3 weeks")]
    public void Analyze_ShouldReadRefundAsComplaint_WhenItIsNotAnEnquiry(string text)
    {
        var result = _analyzer.Analyze(text);

        Assert.Equal(SentimentLabel.Negative, result.Label);
    }
}
