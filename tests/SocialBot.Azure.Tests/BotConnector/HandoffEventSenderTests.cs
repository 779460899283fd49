using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocialBot.Azure.BotConnector;
using SocialBot.Core.Mentions;

namespace SocialBot.Azure.Tests.BotConnector;

public sealed class HandoffEventSenderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(BotTestValues.Now);
    private FakeHttpServer _connector = null!;

    public async Task InitializeAsync() =>
        _connector = await FakeHttpServer.StartAsync((context, _, _) => BotConnectorReplyChannelTests.Answer(context, 200, """{"id":"evt-1"}"""));

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task Send_ShouldPostHandoffInitiateWithReferenceAndTranscript_WhenEnabled()
    {
        var sender = CreateSender(enabled: true);
        var handoff = Handoff();

        var sent = await sender.SendAsync(handoff);

        Assert.True(sent);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString("a:1Zx3Cv5Bn7")}/activities", request.Path);
        Assert.Equal("Bearer connector-token-1", request.Authorization);
        using var body = JsonDocument.Parse(request.Body);
        var activity = body.RootElement;
        Assert.Equal("event", activity.GetProperty("type").GetString());
        Assert.Equal("handoff.initiate", activity.GetProperty("name").GetString());
        Assert.Equal("28:" + BotTestValues.AppId, activity.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("1763937697018", activity.GetProperty("replyToId").GetString());
        Assert.Equal("urgent", activity.GetProperty("value").GetProperty("priority").GetString());
        Assert.Equal(["negative", "after-hours"], activity.GetProperty("value").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var relatesTo = activity.GetProperty("relatesTo");
        Assert.Equal("1763937697018", relatesTo.GetProperty("activityId").GetString());
        Assert.Equal("msteams", relatesTo.GetProperty("channelId").GetString());
        Assert.Equal("a:1Zx3Cv5Bn7", relatesTo.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("29:1Qm8sN2vL5pX7rT3wY9zB4cF6hK0jD1a", relatesTo.GetProperty("user").GetProperty("id").GetString());
        Assert.StartsWith("http://127.0.0.1:", relatesTo.GetProperty("serviceUrl").GetString(), StringComparison.Ordinal);
        var attachment = Assert.Single(activity.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/json", attachment.GetProperty("contentType").GetString());
        Assert.Equal("Transcript", attachment.GetProperty("name").GetString());
        var transcript = attachment.GetProperty("content").GetProperty("activities").EnumerateArray().ToList();
        Assert.Equal(2, transcript.Count);
        Assert.All(transcript, message => Assert.Equal("message", message.GetProperty("type").GetString()));
        Assert.Equal("My badge is broken again and I'm locked out!", transcript[0].GetProperty("text").GetString());
        Assert.Equal("29:1Qm8sN2vL5pX7rT3wY9zB4cF6hK0jD1a", transcript[0].GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("Sorry Marcus, we're back at 8:00 AM PT.", transcript[1].GetProperty("text").GetString());
        Assert.Equal("28:" + BotTestValues.AppId, transcript[1].GetProperty("from").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Send_ShouldLeaveTheAcknowledgementOutOfTheTranscript_WhenNoneWasSent()
    {
        var sender = CreateSender(enabled: true);

        await sender.SendAsync(Handoff() with { AcknowledgementText = null, AcknowledgedAt = null });

        using var body = JsonDocument.Parse(Assert.Single(_connector.Requests).Body);
        var transcript = body.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("activities");
        Assert.Equal(1, transcript.GetArrayLength());
    }

    [Fact]
    public async Task Send_ShouldSendNothing_WhenHandoffEventsAreOff()
    {
        var sender = CreateSender(enabled: false);

        var sent = await sender.SendAsync(Handoff());

        Assert.False(sent);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task Send_ShouldSendNothing_WhenMentionDidNotComeThroughTheConnector()
    {
        var sender = CreateSender(enabled: true);
        var handoff = Handoff();

        var sent = await sender.SendAsync(handoff with { Mention = handoff.Mention with { ConversationReference = null } });

        Assert.False(sent);
        Assert.Empty(_connector.Requests);
    }

    private HandoffEventSender CreateSender(bool enabled)
    {
        var options = BotTestValues.Options(sendHandoffEvents: enabled);
        var client = new BotConnectorClient(
            new HttpClient(),
            new BotConnectorTokenProvider(new FakeTokenCredential(_time), _time, NullLogger<BotConnectorTokenProvider>.Instance),
            new BotServiceUrlPolicy([_connector.BaseUrl]),
            NullLogger<BotConnectorClient>.Instance);
        return new HandoffEventSender(client, options, NullLogger<HandoffEventSender>.Instance);
    }

    private HandoffInitiation Handoff() => new()
    {
        Mention = new Mention
        {
            Id = "1763937697018",
            Channel = "msteams",
            ConversationId = "a:1Zx3Cv5Bn7",
            Author = new MentionAuthor { Id = "29:1Qm8sN2vL5pX7rT3wY9zB4cF6hK0jD1a", Name = "Marcus Webb" },
            Text = "My badge is broken again and I'm locked out!",
            ReceivedAt = BotTestValues.Now,
            IsPublic = false,
            ConversationReference = new ConversationReference
            {
                ServiceUrl = _connector.BaseUrl + "/amer/",
                ActivityId = "1763937697018",
                ChannelId = "msteams",
                Bot = new ChannelAccount { Id = "28:" + BotTestValues.AppId, Name = "Contoso Care" },
                User = new ChannelAccount { Id = "29:1Qm8sN2vL5pX7rT3wY9zB4cF6hK0jD1a", Name = "Marcus Webb" },
                Conversation = new ConversationAccount { Id = "a:1Zx3Cv5Bn7", ConversationType = "personal" },
            },
        },
        Priority = "urgent",
        Reasons = ["negative", "after-hours"],
        AcknowledgementText = "Sorry Marcus, we're back at 8:00 AM PT.",
        AcknowledgedAt = BotTestValues.Now.AddSeconds(2),
    };
}
