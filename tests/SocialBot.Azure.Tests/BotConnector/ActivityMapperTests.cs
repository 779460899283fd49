using System.Text.Json.Nodes;
using SocialBot.Azure.BotConnector;
using SocialBot.Core.Channels;
using SocialBot.Core.Mentions;

namespace SocialBot.Azure.Tests.BotConnector;

public sealed class ActivityMapperTests
{
    private readonly ActivityMapper _mapper = new(new MentionParser(new ChannelCatalog()), BotTestValues.Options());

    [Fact]
    public void Map_ShouldBuildPrivateMention_WhenWebChatMessage()
    {
        var result = _mapper.Map(ActivityFixtures.Element("webchat-message.json"));

        var mention = AssertMention(result);
        Assert.Equal("Gx5d8Qm1Hq3K9r2Lw7ZtYb-us|0000001", mention.Id);
        Assert.Equal("webchat", mention.Channel);
        Assert.Equal("Gx5d8Qm1Hq3K9r2Lw7ZtYb-us", mention.ConversationId);
        Assert.Equal(new MentionAuthor { Id = "dl_7f3a9c2e41b8", Name = "Dana", IsBot = false }, mention.Author);
        Assert.Equal("My order #4412 never arrived and nobody answers the phone", mention.Text);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 22, 14, 5, 123, TimeSpan.Zero), mention.ReceivedAt);
        Assert.False(mention.IsPublic);
        var reference = mention.ConversationReference!;
        Assert.Equal("https://webchat.botframework.com/", reference.ServiceUrl);
        Assert.Equal(mention.Id, reference.ActivityId);
        Assert.Equal("webchat", reference.ChannelId);
        Assert.Equal(new ChannelAccount { Id = "contoso-care-bot@XyZ123aB", Name = "Contoso Care" }, reference.Bot);
        Assert.Equal(new ChannelAccount { Id = "dl_7f3a9c2e41b8", Name = "Dana" }, reference.User);
        Assert.Equal("Gx5d8Qm1Hq3K9r2Lw7ZtYb-us", reference.Conversation!.Id);
    }

    [Fact]
    public void Map_ShouldStripTheBotsAtMentionAndMarkPublic_WhenTeamsChannelMessage()
    {
        var result = _mapper.Map(ActivityFixtures.Element("teams-channel-message.json"));

        var mention = AssertMention(result);
        Assert.Equal("msteams", mention.Channel);
        Assert.Equal("1763936411402", mention.Id);
        Assert.Equal("the VPN has been down for our whole team since 9am", mention.Text);
        Assert.True(mention.IsPublic);
        Assert.Equal("Lena Fischer", mention.Author.Name);
        var conversation = mention.ConversationReference!.Conversation!;
        Assert.Equal("19:4b2f8e1a9c3d47b6a5e8f0d2c1b7a3e9@thread.tacv2;messageid=1763936411402", conversation.Id);
        Assert.Equal("channel", conversation.ConversationType);
        Assert.Equal("9c2e4a6b-8d1f-4b3a-a5c7-e9f1b3d5a7c9", conversation.TenantId);
        Assert.True(conversation.IsGroup);
        Assert.Equal("https://smba.trafficmanager.net/emea/", mention.ConversationReference.ServiceUrl);
        Assert.Equal("28:3f1c2b7a-9d4e-4c61-8b2f-0a5e6d7c8b91", mention.ConversationReference.Bot!.Id);
    }

    [Fact]
    public void Map_ShouldBuildPrivateMention_WhenTeamsPersonalChat()
    {
        var result = _mapper.Map(ActivityFixtures.Element("teams-personal-message.json"));

        var mention = AssertMention(result);
        Assert.Equal("msteams", mention.Channel);
        Assert.False(mention.IsPublic);
        Assert.Equal("Can someone reset my badge? It stopped working this morning.", mention.Text);
        Assert.Equal("personal", mention.ConversationReference!.Conversation!.ConversationType);
    }

    [Fact]
    public void Map_ShouldBuildPublicMention_WhenFacebookPageComment()
    {
        var result = _mapper.Map(ActivityFixtures.Element("facebook-page-comment.json"));

        var mention = AssertMention(result);
        Assert.Equal("facebook", mention.Channel);
        Assert.True(mention.IsPublic);
        Assert.Equal("6152983740193827-104857263918475", mention.ConversationId);
        Assert.Equal("Third time my delivery was left in the rain. Not impressed.", mention.Text);
        Assert.Equal("Priya Raman", mention.Author.Name);
    }

    [Fact]
    public void Map_ShouldBuildPrivateMention_WhenFacebookMessengerMessage()
    {
        var result = _mapper.Map(ActivityFixtures.Element("facebook-messenger-message.json"));

        var mention = AssertMention(result);
        Assert.Equal("facebook", mention.Channel);
        Assert.False(mention.IsPublic);
    }

    [Fact]
    public void Map_ShouldNotTriage_WhenTeamsConversationUpdate()
    {
        var result = _mapper.Map(ActivityFixtures.Element("teams-conversation-update.json"));

        Assert.Equal(ActivityOutcome.NotTriaged, result.Outcome);
        Assert.Contains("conversationUpdate", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("installationUpdate")]
    [InlineData("messageReaction")]
    [InlineData("endOfConversation")]
    public void Map_ShouldNotTriage_WhenActivityIsNotAMessage(string type)
    {
        var activity = ActivityFixtures.Node("webchat-message.json");
        activity["type"] = type;

        var result = _mapper.Map(ActivityFixtures.Element(activity));

        Assert.Equal(ActivityOutcome.NotTriaged, result.Outcome);
        Assert.Null(result.Mention);
    }

    [Theory]
    [InlineData("contoso-care-bot@XyZ123aB")]
    [InlineData(BotTestValues.AppId)]
    [InlineData("28:" + BotTestValues.AppId)]
    public void Map_ShouldNotTriage_WhenMessageIsTheBotsOwn(string fromId)
    {
        var activity = ActivityFixtures.Node("webchat-message.json");
        activity["from"] = new JsonObject { ["id"] = fromId, ["name"] = "Contoso Care" };

        var result = _mapper.Map(ActivityFixtures.Element(activity));

        Assert.Equal(ActivityOutcome.NotTriaged, result.Outcome);
        Assert.Equal("the bot's own message", result.Reason);
    }

    [Fact]
    public void Map_ShouldNotTriage_WhenAnotherBotSentTheMessage()
    {
        var activity = ActivityFixtures.Node("webchat-message.json");
        activity["from"] = new JsonObject { ["id"] = "helper-bot", ["name"] = "Helper", ["role"] = "bot" };

        var result = _mapper.Map(ActivityFixtures.Element(activity));

        Assert.Equal(ActivityOutcome.NotTriaged, result.Outcome);
        Assert.Equal("sent by another bot", result.Reason);
    }

    [Fact]
    public void Map_ShouldSurfaceHandoffStatus_WhenHandoffStatusEvent()
    {
        var result = _mapper.Map(ActivityFixtures.Element("handoff-status-event.json"));

        Assert.Equal(ActivityOutcome.HandoffStatus, result.Outcome);
        Assert.Equal(
            new HandoffStatus { ConversationId = "Gx5d8Qm1Hq3K9r2Lw7ZtYb-us", ChannelId = "webchat", State = "failed", Message = "No agents are available in the queue" },
            result.HandoffStatus);
    }

    [Fact]
    public void Map_ShouldNotTriage_WhenEventHasAnotherName()
    {
        var activity = ActivityFixtures.Node("handoff-status-event.json");
        activity["name"] = "webchat/join";

        var result = _mapper.Map(ActivityFixtures.Element(activity));

        Assert.Equal(ActivityOutcome.NotTriaged, result.Outcome);
    }

    [Fact]
    public void Map_ShouldReportMalformed_WhenHandoffStatusHasNoState()
    {
        var activity = ActivityFixtures.Node("handoff-status-event.json");
        activity["value"] = new JsonObject { ["message"] = "?" };

        var result = _mapper.Map(ActivityFixtures.Element(activity));

        Assert.Equal(ActivityOutcome.Malformed, result.Outcome);
        Assert.Equal("value.state: is required", result.Reason);
    }

    [Theory]
    [InlineData("from", "id", "from.id: is required")]
    [InlineData("recipient", "id", "recipient.id: is required")]
    [InlineData("conversation", "id", "conversation.id: is required")]
    public void Map_ShouldNameTheField_WhenAccountIdIsMissing(string account, string field, string expected)
    {
        var activity = ActivityFixtures.Node("webchat-message.json");
        activity[account]!.AsObject().Remove(field);

        var result = _mapper.Map(ActivityFixtures.Element(activity));

        Assert.Equal(ActivityOutcome.Malformed, result.Outcome);
        Assert.Equal(expected, result.Reason);
    }

    [Theory]
    [InlineData("id", "id: is required")]
    [InlineData("serviceUrl", "serviceUrl: is required")]
    [InlineData("type", "type: is required")]
    [InlineData("channelId", "channelId: is required")]
    public void Map_ShouldNameTheField_WhenRequiredFieldIsMissing(string field, string expected)
    {
        var activity = ActivityFixtures.Node("webchat-message.json");
        activity.Remove(field);

        var result = _mapper.Map(ActivityFixtures.Element(activity));

        Assert.Equal(ActivityOutcome.Malformed, result.Outcome);
        Assert.Equal(expected, result.Reason);
    }

    [Fact]
    public void Map_ShouldUseLocalTimestamp_WhenTimestampIsMissing()
    {
        var activity = ActivityFixtures.Node("webchat-message.json");
        activity.Remove("timestamp");

        var mention = AssertMention(_mapper.Map(ActivityFixtures.Element(activity)));

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 17, 14, 5, 123, TimeSpan.FromHours(-5)), mention.ReceivedAt);
    }

    [Fact]
    public void Map_ShouldReportMalformed_WhenTimestampIsNotADate()
    {
        var activity = ActivityFixtures.Node("webchat-message.json");
        activity["timestamp"] = "yesterday";

        var result = _mapper.Map(ActivityFixtures.Element(activity));

        Assert.Equal("timestamp: 'yesterday' is not an ISO 8601 timestamp", result.Reason);
    }

    [Fact]
    public void Map_ShouldApplyMentionRules_WhenTextIsTooLong()
    {
        var activity = ActivityFixtures.Node("webchat-message.json");
        activity["text"] = new string('a', MentionParser.MaxTextLength + 1);

        var result = _mapper.Map(ActivityFixtures.Element(activity));

        Assert.Equal(ActivityOutcome.Malformed, result.Outcome);
        Assert.StartsWith("text: ", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_ShouldReportMalformed_WhenChannelIsUnknown()
    {
        var activity = ActivityFixtures.Node("webchat-message.json");
        activity["channelId"] = "kik";

        var result = _mapper.Map(ActivityFixtures.Element(activity));

        Assert.Equal(ActivityOutcome.Malformed, result.Outcome);
        Assert.StartsWith("channel: 'kik' is not a known channel", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_ShouldMapDirectLineSpeechToDirectLine_WhenChannelIdIsAVariant()
    {
        var activity = ActivityFixtures.Node("webchat-message.json");
        activity["channelId"] = "directlinespeech";

        var mention = AssertMention(_mapper.Map(ActivityFixtures.Element(activity)));

        Assert.Equal("directline", mention.Channel);
        Assert.Equal("directlinespeech", mention.ConversationReference!.ChannelId);
    }

    [Theory]
    [InlineData("@Contoso Care where is my refund?", "where is my refund?")]
    [InlineData("where is my refund @contoso care", "where is my refund")]
    [InlineData("mail me at dana@Contoso Care.example", "mail me at dana@Contoso Care.example")]
    [InlineData("<at>Contoso Care</at> please loop in <at>Sam Lee</at>", "please loop in @Sam Lee")]
    [InlineData("  spaced \t  out  ", "spaced out")]
    [InlineData("<at>Contoso Care</at>\n first line \n\nsecond", "first line\n\nsecond")]
    public void Map_ShouldStripOnlyTheBotsOwnMention_WhenTextMentionsNames(string text, string expected)
    {
        var activity = ActivityFixtures.Node("webchat-message.json");
        activity["text"] = text;

        var mention = AssertMention(_mapper.Map(ActivityFixtures.Element(activity)));

        Assert.Equal(expected, mention.Text);
    }

    [Fact]
    public void Map_ShouldReportMalformed_WhenActivityIsNotAnObject()
    {
        var result = _mapper.Map(ActivityFixtures.Element(new JsonArray()));

        Assert.Equal(ActivityOutcome.Malformed, result.Outcome);
    }

    private static Mention AssertMention(ActivityMapResult result)
    {
        Assert.True(result.Outcome == ActivityOutcome.Mention, result.Reason);
        return result.Mention!;
    }
}
