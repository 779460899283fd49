using SocialBot.Core.Sentiment;

namespace SocialBot.Core.Tests.Sentiment;

/// <summary>Each customer-care cue family, seen through the analyzer: the label it produces and the cue it records.</summary>
public sealed class CustomerCareCuesTests
{
    private readonly EmbeddedSentimentAnalyzer _analyzer = new();

    [Theory]
    [InlineData("@airline 3 hours on the tarmac and still no update", "waiting: \"still no\"")]
    [InlineData("still waiting on my replacement card", "waiting: \"still waiting\"")]
    [InlineData("been waiting for my refund since Monday", "waiting: \"waiting\"")]
    [InlineData("been on hold since 9am", "waiting: \"on hold\"")]
    [InlineData("been on hold since 9am", "waiting: \"since 9am\"")]
    [InlineData("no response to my email @shop", "waiting: \"no response\"")]
    [InlineData("I haven't heard back about my claim", "waiting: \"heard back\"")]
    [InlineData("@bank yet to see the transfer", "waiting: \"yet to\"")]
    [InlineData("@carrier sat at the gate for 2hrs now", "waiting: \"2hrs\"")]
    [InlineData("@airline still sitting on the tarmac", "waiting: \"still sitting\"")]
    [InlineData("@airline parked at the gate for over an hour", "waiting: \"over an hour\"")]
    [InlineData("@bank trying to reach you all day", "waiting: \"all day\"")]
    public void Analyze_ShouldFlagNegativeWithWaitingCue_WhenCustomerIsKeptWaiting(string text, string cue)
    {
        AssertNegativeWithCue(text, cue);
    }

    [Theory]
    [InlineData("@SkyAir Cancelled Flightled again", "failure: \"cancelled\"")]
    [InlineData("flight 212 delayed", "failure: \"delayed\"")]
    [InlineData("@airline you lost my bag", "failure: \"lost my bag\"")]
    [InlineData("my package never arrived", "failure: \"never arrived\"")]
    [InlineData("the parcel hasn't been delivered", "failure: \"hasn't been delivered\"")]
    [InlineData("I was charged twice for my seat", "failure: \"charged twice\"")]
    [InlineData("I want a refund for the extra legroom seat", "failure: \"refund\"")]
    [InlineData("the wifi stopped working mid flight", "failure: \"stopped working\"")]
    [InlineData("the app doesn't work on my phone", "failure: \"doesn't work\"")]
    [InlineData("missed my connection in Denver", "failure: \"missed my connection\"")]
    [InlineData("stuck in Chicago overnight", "failure: \"stuck\"")]
    [InlineData("stranded in Denver", "failure: \"stranded\"")]
    [InlineData("I can't check in online", "failure: \"can't check\"")]
    [InlineData("your agent hung up on me", "failure: \"hung up\"")]
    [InlineData("my bag didn't make it to Boston", "failure: \"didn't make it\"")]
    [InlineData("@shop website down again", "failure: \"website down\"")]
    [InlineData("no wifi on a long flight", "failure: \"no wifi\"")]
    [InlineData("@airline what a joke", "failure: \"joke\"")]
    public void Analyze_ShouldFlagNegativeWithFailureCue_WhenServiceFailed(string text, string cue)
    {
        AssertNegativeWithCue(text, cue);
    }

    [Theory]
    [InlineData("the flight was not delayed at all")]
    [InlineData("no delay today")]
    public void Analyze_ShouldNotFlagFailure_WhenFailureIsDenied(string text)
    {
        var result = _analyzer.Analyze(text);

        Assert.NotEqual(SentimentLabel.Negative, result.Label);
        Assert.DoesNotContain(result.Cues, cue => cue.StartsWith("failure:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("where is my refund @shop", "question: \"where is my\"")]
    [InlineData("where's my bag??", "question: \"where's my\"")]
    [InlineData("@airline why is my flight showing a new time", "question: \"why is\"")]
    [InlineData("@airline how long do I have to wait", "question: \"how long\"")]
    [InlineData("@shop when will my order ship", "question: \"when will\"")]
    [InlineData("@airline what is going on with flight 123", "question: \"what is going on\"")]
    [InlineData("@bank is anyone there?", "question: \"anyone there\"")]
    public void Analyze_ShouldFlagNegativeWithQuestionCue_WhenQuestionIsFrustrated(string text, string cue)
    {
        AssertNegativeWithCue(text, cue);
    }

    [Theory]
    [InlineData("@airline where is the gate for flight 12?")]
    [InlineData("@airline what is the baggage allowance?")]
    [InlineData("@airline does anyone know the wifi password")]
    [InlineData("@airline how long is the flight from Boston to Denver?")]
    public void Analyze_ShouldStayNeutral_WhenQuestionIsInformational(string text)
    {
        var result = _analyzer.Analyze(text);

        Assert.Equal(SentimentLabel.Neutral, result.Label);
        Assert.Empty(result.Cues);
    }

    [Theory]
    [InlineData("@airline great job, 3 hours on the tarmac and still no update", "sarcasm: \"great job\"")]
    [InlineData("@airline thanks a lot for losing my luggage", "sarcasm: \"thanks a\"")]
    [InlineData("love how my flight is delayed again", "sarcasm: \"love how\"")]
    [InlineData("my bag is lost, just great", "sarcasm: \"great\"")]
    [InlineData("@airline thanks for nothing", "sarcasm: \"thanks for nothing\"")]
    public void Analyze_ShouldFlipPraiseToNegative_WhenPraiseIsSarcastic(string text, string cue)
    {
        AssertNegativeWithCue(text, cue);
    }

    [Fact]
    public void Analyze_ShouldKeepPraise_WhenPraiseFollowsButAfterFailure()
    {
        var result = _analyzer.Analyze("flight was delayed but the crew were great and got us there");

        Assert.Equal(SentimentLabel.Positive, result.Label);
        Assert.Contains("failure: \"delayed\"", result.Cues);
        Assert.DoesNotContain(result.Cues, cue => cue.StartsWith("sarcasm:", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_ShouldKeepPraise_WhenPraiseIsInAnotherSentenceThanTheWait()
    {
        var result = _analyzer.Analyze("Thanks for your help yesterday! Many families are still waiting.");

        Assert.Contains("waiting: \"still waiting\"", result.Cues);
        Assert.DoesNotContain(result.Cues, cue => cue.StartsWith("sarcasm:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("don't waste your money on this", "warning: \"don't waste\"")]
    [InlineData("DO NOT BUY this charger", "warning: \"not buy\"")]
    [InlineData("we are sending it back", "warning: \"sending it back\"")]
    [InlineData("I want my money back", "warning: \"money back\"")]
    public void Analyze_ShouldFlagNegativeWithWarningCue_WhenCustomerWarnsOthersOrReturns(string text, string cue)
    {
        AssertNegativeWithCue(text, cue);
    }

    [Theory]
    [InlineData("@airline thank you for rebooking me so quickly")]
    [InlineData("I can't wait to fly with you tomorrow!")]
    [InlineData("@airline great flight, thanks")]
    public void Analyze_ShouldNotFlagNegative_WhenCustomerIsHappy(string text)
    {
        var result = _analyzer.Analyze(text);

        Assert.NotEqual(SentimentLabel.Negative, result.Label);
        Assert.DoesNotContain(result.Cues, cue => !cue.StartsWith("lexicon:", StringComparison.Ordinal));
    }

    private void AssertNegativeWithCue(string text, string cue)
    {
        var result = _analyzer.Analyze(text);

        Assert.Equal(SentimentLabel.Negative, result.Label);
        Assert.Contains(cue, result.Cues);
    }
}
