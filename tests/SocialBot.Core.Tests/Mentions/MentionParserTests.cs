using SocialBot.Core.Channels;
using SocialBot.Core.Configuration;
using SocialBot.Core.Mentions;

namespace SocialBot.Core.Tests.Mentions;

public sealed class MentionParserTests
{
    private const string Valid = """
        {"id":"m1","channel":"Twitter","conversationId":"c1","author":{"id":"u1","handle":"@dana","name":"Dana K","isBot":false},
         "text":"still waiting","receivedAt":"2026-11-23T21:15:00-05:00","isPublic":true,"inReplyTo":null}
        """;

    private readonly MentionParser _parser = new(new ChannelCatalog());

    [Fact]
    public void Parse_ShouldReadEveryField_WhenMentionIsComplete()
    {
        var result = _parser.Parse(Valid);

        Assert.True(result.IsValid, result.Describe());
        var mention = result.Mention!;
        Assert.Equal("twitter", mention.Channel);
        Assert.Equal("u1", mention.Author.Id);
        Assert.Equal("@dana", mention.Author.Handle);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 21, 15, 0, TimeSpan.FromHours(-5)), mention.ReceivedAt);
        Assert.Equal(new MentionKey("twitter", "m1"), mention.Key);
    }

    [Theory]
    [InlineData("twitter", true)]
    [InlineData("facebook", true)]
    [InlineData("webchat", false)]
    [InlineData("msteams", false)]
    public void Parse_ShouldDefaultIsPublicFromChannel_WhenAbsent(string channel, bool expected)
    {
        var result = _parser.Parse($$"""{"id":"m1","channel":"{{channel}}","conversationId":"c1","author":{"id":"u1"},"text":"hi","receivedAt":"2026-11-23T21:15:00Z"}""");

        Assert.Equal(expected, result.Mention!.IsPublic);
    }

    [Theory]
    [InlineData("", "$: the message is empty")]
    [InlineData("{not json", "$: not valid JSON")]
    [InlineData("[1,2]", "$: expected a JSON object, got an array")]
    [InlineData("""{"channel":"twitter","conversationId":"c","author":{"id":"u"},"text":"t","receivedAt":"2026-11-23T21:15:00Z"}""", "id: is required")]
    [InlineData("""{"id":"m","channel":"myspace","conversationId":"c","author":{"id":"u"},"text":"t","receivedAt":"2026-11-23T21:15:00Z"}""", "channel: 'myspace' is not a known channel")]
    [InlineData("""{"id":"m","channel":"twitter","conversationId":"c","author":{"handle":"@x"},"text":"t","receivedAt":"2026-11-23T21:15:00Z"}""", "author.id: is required")]
    [InlineData("""{"id":"m","channel":"twitter","conversationId":"c","author":"dana","text":"t","receivedAt":"2026-11-23T21:15:00Z"}""", "author: expected an object")]
    [InlineData("""{"id":"m","channel":"twitter","conversationId":"c","author":{"id":"u","isBot":"yes"},"text":"t","receivedAt":"2026-11-23T21:15:00Z"}""", "author.isBot: expected true or false, got a string")]
    [InlineData("""{"id":42,"channel":"twitter","conversationId":"c","author":{"id":"u"},"text":"t","receivedAt":"2026-11-23T21:15:00Z"}""", "id: expected a string, got a number")]
    [InlineData("""{"id":"m","channel":"twitter","conversationId":"c","author":{"id":"u"},"receivedAt":"2026-11-23T21:15:00Z"}""", "text: is required")]
    [InlineData("""{"id":"m","channel":"twitter","conversationId":"c","author":{"id":"u"},"text":"t","receivedAt":"yesterday"}""", "receivedAt: 'yesterday' is not an ISO 8601 timestamp with an offset")]
    [InlineData("""{"id":"m","channel":"twitter","conversationId":"c","author":{"id":"u"},"text":"t","receivedAt":"2026-11-23T21:15:00"}""", "receivedAt: '2026-11-23T21:15:00' is not an ISO 8601 timestamp with an offset")]
    [InlineData("""{"id":"m","channel":"twitter","conversationId":"c","author":{"id":"u"},"text":"t","receivedAt":"1970-01-01T00:00:00Z"}""", "receivedAt: '1970-01-01T00:00:00Z' is outside the years 2000 to 2099")]
    [InlineData("""{"id":"m","channel":"twitter","conversationId":"  ","author":{"id":"u"},"text":"t","receivedAt":"2026-11-23T21:15:00Z"}""", "conversationId: must not be empty")]
    [InlineData("""{"id":"m","channel":"twitter","conversationId":"c","author":{"id":"u"},"text":"t","receivedAt":"2026-11-23T21:15:00Z","isPublic":"no"}""", "isPublic: expected true or false")]
    [InlineData("""{"id":"m","channel":"webchat","conversationId":"c","author":{"id":"u"},"text":"t","receivedAt":"2026-11-23T21:15:00Z","conversationReference":{"serviceUrl":"ftp://x"}}""", "conversationReference.serviceUrl: 'ftp://x' is not an absolute http(s) URL")]
    [InlineData("""{"id":"m","channel":"twitter","conversationId":"c","author":{"id":"u"},"text":"\ud800 lone","receivedAt":"2026-11-23T21:15:00Z"}""", "text: is not valid Unicode")]
    [InlineData("""{"id":"m","channel":"bluesky","conversationId":"c","author":{"id":"u"},"text":"t","receivedAt":"2026-11-23T21:15:00Z","networkReference":["x"]}""", "networkReference: expected an object of strings or null, got an array")]
    [InlineData("""{"id":"m","channel":"bluesky","conversationId":"c","author":{"id":"u"},"text":"t","receivedAt":"2026-11-23T21:15:00Z","networkReference":{"cid":7}}""", "networkReference.cid: expected a string, got a number")]
    public void Parse_ShouldNameFieldAndProblem_WhenInvalid(string json, string expected)
    {
        var result = _parser.Parse(json);

        Assert.False(result.IsValid);
        Assert.Contains(expected, result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ShouldReportEveryProblem_WhenSeveralFieldsAreWrong()
    {
        var result = _parser.Parse("""{"id":"m","channel":"twitter","text":"hi","receivedAt":"soon"}""");

        Assert.Contains(result.Problems, p => p.Field == "conversationId");
        Assert.Contains(result.Problems, p => p.Field == "author");
        Assert.Contains(result.Problems, p => p.Field == "receivedAt");
    }

    [Fact]
    public void Parse_ShouldRejectText_WhenOverTenThousandCharacters()
    {
        var json = Valid.Replace("still waiting", new string('a', 10_001), StringComparison.Ordinal);

        var result = _parser.Parse(json);

        Assert.Contains("text: is 10,001 characters long; the limit is 10,000", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ShouldAcceptTenThousandEmoji_CountingCharactersNotUtf16Units()
    {
        var json = Valid.Replace("still waiting", string.Concat(Enumerable.Repeat("😀", 10_000)), StringComparison.Ordinal);

        Assert.True(_parser.Parse(json).IsValid);
    }

    [Fact]
    public void Parse_ShouldStripControlAndBidiCharacters_AndKeepEmojiJoiners()
    {
        var json = Valid.Replace("still waiting", "still\\u0000 waiting \\u202Eevil \\uD83D\\uDC69\\u200D\\uD83D\\uDCBB", StringComparison.Ordinal);

        var mention = _parser.Parse(json).Mention!;

        Assert.Equal("still waiting evil 👩‍💻", mention.Text);
    }

    [Fact]
    public void Parse_ShouldAcceptConfiguredChannel()
    {
        var catalog = new ChannelCatalog(new Dictionary<string, ChannelOptions> { ["intercom"] = new() { MaxReplyLength = 1000, IsPublic = false } });
        var json = Valid.Replace("Twitter", "intercom", StringComparison.Ordinal).Replace("\"isPublic\":true,", "", StringComparison.Ordinal);

        var mention = new MentionParser(catalog).Parse(json).Mention!;

        Assert.Equal("intercom", mention.Channel);
        Assert.False(mention.IsPublic);
    }

    [Fact]
    public void Parse_ShouldReadConversationReference()
    {
        var json = """
            {"id":"a1","channel":"msteams","conversationId":"19:abc","author":{"id":"29:u"},"text":"hi","receivedAt":"2026-11-23T21:15:00Z",
             "conversationReference":{"serviceUrl":"https://smba.trafficmanager.net/amer/","activityId":"a1","channelId":"msteams",
               "bot":{"id":"28:bot","name":"Contoso"},"conversation":{"id":"19:abc","isGroup":true,"conversationType":"channel","tenantId":"t"}}}
            """;

        var reference = _parser.Parse(json).Mention!.ConversationReference!;

        Assert.Equal("https://smba.trafficmanager.net/amer/", reference.ServiceUrl);
        Assert.Equal("28:bot", reference.Bot!.Id);
        Assert.Equal("channel", reference.Conversation!.ConversationType);
    }

    [Fact]
    public void Parse_ShouldReadNetworkReference_AsOpaqueStrings()
    {
        var json = """
            {"id":"at://did:plc:a/app.bsky.feed.post/3k","channel":"bluesky","conversationId":"at://did:plc:a/app.bsky.feed.post/3k","author":{"id":"did:plc:a"},
             "text":"hi","receivedAt":"2026-11-23T21:15:00Z","networkReference":{"uri":"at://did:plc:a/app.bsky.feed.post/3k","cid":"bafy1","rootCid":null}}
            """;

        var reference = _parser.Parse(json).Mention!.NetworkReference!;

        Assert.Equal("bafy1", reference["cid"]);
        Assert.Equal(2, reference.Count);
    }

    [Theory]
    [InlineData(",\"direct\":false", false)]
    [InlineData(",\"direct\":true", true)]
    [InlineData("", true)]
    public void Parse_ShouldReadDirect_DefaultingToTrue(string field, bool expected)
    {
        var json = "{\"id\":\"m\",\"channel\":\"x\",\"conversationId\":\"c\",\"author\":{\"id\":\"u\"},\"text\":\"t\",\"receivedAt\":\"2026-11-23T21:15:00Z\"" + field + "}";

        Assert.Equal(expected, _parser.Parse(json).Mention!.Direct);
    }

    [Fact]
    public void Parse_ShouldNameDirect_WhenItIsNotABoolean()
    {
        var result = _parser.Parse("""{"id":"m","channel":"x","conversationId":"c","author":{"id":"u"},"text":"t","receivedAt":"2026-11-23T21:15:00Z","direct":"no"}""");

        Assert.Contains("direct: expected true or false", result.Describe(), StringComparison.Ordinal);
    }
}
