using SocialBot.Core.Mentions;
using SocialBot.Core.Privacy;
using SocialBot.Core.Processing;
using SocialBot.Core.Tests.Support;
using SocialBot.Core.Triage;

namespace SocialBot.Core.Tests.Privacy;

public sealed class PersonalDataTests
{
    [Fact]
    public void Anonymise_ShouldEraseTextNameHandleCuesAndTrace_AndKeepTheIds()
    {
        // Arrange
        var mention = TestData.Mention("I am still waiting for my refund, Dana Kim, 555-0100") with
        {
            ConversationReference = new ConversationReference { User = new ChannelAccount { Id = "u1", Name = "Dana Kim" } },
        };
        var ticket = new HandoffTicket
        {
            Id = "twitter/m1",
            Mention = mention,
            Priority = HandoffPriority.Urgent,
            Reasons = ["negative sentiment (-0.70)", "waiting: \"still waiting\""],
            Sentiment = TestData.Sentiment(SocialBot.Core.Sentiment.SentimentLabel.Negative, -0.7, "waiting: \"still waiting\""),
            Acknowledgement = "Hi Dana, we're back at 9.",
            ArrivedAfterHours = true,
            HandedOffAt = mention.ReceivedAt,
            Trace = ["twitter/m1: public mention", "sentiment negative: waiting: \"still waiting\""],
        };

        // Act
        var erased = PersonalData.Anonymise(ticket);

        // Assert
        Assert.Equal(PersonalData.Erased, erased.Mention.Text);
        Assert.Null(erased.Mention.Author.Name);
        Assert.Null(erased.Mention.Author.Handle);
        Assert.Null(erased.Mention.ConversationReference!.User!.Name);
        Assert.Equal("u1", erased.Mention.Author.Id);
        Assert.Equal("twitter/m1", erased.Id);
        Assert.Equal(["negative sentiment (-0.70)", "waiting"], erased.Reasons);
        Assert.Empty(erased.Sentiment!.Cues);
        Assert.Equal(PersonalData.Erased, erased.Acknowledgement);
        Assert.Equal([PersonalData.Erased], erased.Trace);
    }
}
