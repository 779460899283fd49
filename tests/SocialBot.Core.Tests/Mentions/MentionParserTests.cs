using SocialBot.Core.Channels;
using SocialBot.Core.Mentions;

namespace SocialBot.Core.Tests.Mentions;

public sealed class MentionParserTests
{
    private readonly MentionParser _parser = new(new ChannelCatalog());

    [Fact]
    public void Parse_ShouldReadEveryField_WhenMentionIsComplete()
    {
        var result = _parser.Parse("""
            {"id":"m1","channel":"Twitter","conversationId":"c1","author":{"id":"u1","handle":"@dana","name":"Dana K","isBot":false},
             "text":"still waiting","receivedAt":"2026-11-23T21:15:00-05:00","isPublic":true,"inReplyTo":null}
            """);

        Assert.True(result.IsValid, result.Describe());
        var mention = result.Mention!;
        Assert.Equal("twitter", mention.Channel);
        Assert.Equal("u1", mention.Author.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 21, 15, 0, TimeSpan.FromHours(-5)), mention.ReceivedAt);
    }
}
