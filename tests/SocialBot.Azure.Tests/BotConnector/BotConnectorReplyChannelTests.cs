using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocialBot.Azure.BotConnector;
using SocialBot.Core.Mentions;
using SocialBot.Core.Replies;

namespace SocialBot.Azure.Tests.BotConnector;

public sealed class BotConnectorReplyChannelTests : IAsyncDisposable
{
    private const string ConversationId = "19:4b2f8e1a9c3d47b6a5e8f0d2c1b7a3e9@thread.tacv2;messageid=1763936411402";
    private const string ActivityId = "1763936411402";

    private readonly FakeTimeProvider _time = new(BotTestValues.Now);
    private readonly List<TimeSpan> _delays = [];
    private bool _advanceClock;
    private readonly FakeTokenCredential _credential;
    private FakeHttpServer? _connector;

    public BotConnectorReplyChannelTests()
    {
        _credential = new FakeTokenCredential(_time);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }
    }

    [Fact]
    public async Task Send_ShouldPostThePlainTextReplyWithTheBotToken_WhenConnectorAccepts()
    {
        var channel = await StartAsync((context, _) => Answer(context, 200, """{"id":"1763936500000"}"""));

        await channel.SendAsync(Reply(_connector!.BaseUrl));

        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(ConversationId)}/activities/{ActivityId}", request.Path);
        Assert.Equal("Bearer connector-token-1", request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        using var body = JsonDocument.Parse(request.Body);
        var activity = body.RootElement;
        Assert.Equal("message", activity.GetProperty("type").GetString());
        Assert.Equal("28:" + BotTestValues.AppId, activity.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("29:1kXo5qW3vR8nP2yT6uA9sD4fG7hJ0lZ", activity.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal(ConversationId, activity.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("Thanks Lena, we're on it and back at 9:00 AM CET.", activity.GetProperty("text").GetString());
        Assert.Equal("plain", activity.GetProperty("textFormat").GetString());
        Assert.Equal(ActivityId, activity.GetProperty("replyToId").GetString());
        Assert.DoesNotContain("null", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ShouldReuseTheCachedToken_WhenSendingTwice()
    {
        var channel = await StartAsync((context, _) => Answer(context, 201, "{}"));

        await channel.SendAsync(Reply(_connector!.BaseUrl));
        await channel.SendAsync(Reply(_connector.BaseUrl));

        Assert.Equal(1, _credential.Issued);
        Assert.All(_connector.Requests, request => Assert.Equal("Bearer connector-token-1", request.Authorization));
    }

    [Fact]
    public async Task Send_ShouldRetryAfterTheAnnouncedSeconds_WhenConnectorAnswers429()
    {
        var channel = await StartAsync((context, count) =>
        {
            if (count == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return Answer(context, 429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""");
            }

            return Answer(context, 200, """{"id":"a1"}""");
        });

        await channel.SendAsync(Reply(_connector!.BaseUrl));

        Assert.Equal(2, _connector.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1)], _delays);
    }

    [Fact]
    public async Task Send_ShouldRetryUntilTheAnnouncedDate_WhenRetryAfterIsAnHttpDate()
    {
        var channel = await StartAsync((context, count) =>
        {
            if (count == 1)
            {
                context.Response.Headers.RetryAfter = BotTestValues.Now.AddSeconds(10).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                return Answer(context, 503, string.Empty);
            }

            return Answer(context, 200, string.Empty);
        });

        await channel.SendAsync(Reply(_connector!.BaseUrl));

        Assert.Equal([TimeSpan.FromSeconds(10)], _delays);
    }

    [Fact]
    public async Task Send_ShouldCapTheWait_WhenRetryAfterIsVeryLong()
    {
        var channel = await StartAsync((context, count) =>
        {
            context.Response.Headers.RetryAfter = "3600";
            return Answer(context, count == 1 ? 429 : 200, string.Empty);
        });

        await channel.SendAsync(Reply(_connector!.BaseUrl));

        Assert.Equal([new ConnectorRetryPolicy().MaxDelay], _delays);
    }

    [Fact]
    public async Task Send_ShouldBackOffAndRetry_WhenConnectorAnswers500Once()
    {
        var channel = await StartAsync((context, count) => Answer(context, count == 1 ? 500 : 200, string.Empty));

        await channel.SendAsync(Reply(_connector!.BaseUrl));

        Assert.Equal(2, _connector.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1)], _delays);
    }

    [Fact]
    public async Task Send_ShouldThrowTransientConnectorException_WhenEveryAttemptFails()
    {
        var channel = await StartAsync((context, _) => Answer(context, 502, """{"error":{"code":"ServiceError","message":"upstream"}}"""));

        var exception = await Assert.ThrowsAsync<BotConnectorException>(() => channel.SendAsync(Reply(_connector!.BaseUrl)));

        Assert.Equal(System.Net.HttpStatusCode.BadGateway, exception.StatusCode);
        Assert.Equal("ServiceError", exception.ErrorCode);
        Assert.Equal(4, _connector!.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _delays);
    }

    [Fact]
    public async Task Send_ShouldStopRetryingWithinTheSendBudget_WhenTheConnectorKeepsAskingToWait()
    {
        // Arrange: each wait moves the clock; 30 s Retry-After three times would have taken 90 s plus the attempts.
        _advanceClock = true;
        var channel = await StartAsync((context, _) =>
        {
            context.Response.Headers.RetryAfter = "30";
            return Answer(context, 503, string.Empty);
        });
        var started = _time.GetUtcNow();

        // Act
        var exception = await Assert.ThrowsAsync<BotConnectorException>(() => channel.SendAsync(Reply(_connector!.BaseUrl)));

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.True(_time.GetUtcNow() - started < new ConnectorRetryPolicy().TotalBudget, $"took {_time.GetUtcNow() - started}");
        Assert.Equal([TimeSpan.FromSeconds(30)], _delays);
        Assert.Equal(2, _connector!.Requests.Count);
    }

    [Fact]
    public void SendBudget_ShouldEndWellBeforeTheSendClaimGoesStale()
    {
        // Assert: the whole send, with the client's own timeout for a last attempt, ends before another delivery may take over.
        Assert.True(new ConnectorRetryPolicy().TotalBudget + TimeSpan.FromSeconds(30) < SocialBot.Azure.Storage.TableSentReplyLog.StaleAfter);
    }

    [Fact]
    public async Task Send_ShouldThrowPermanentWithTheErrorCode_WhenConnectorAnswers403()
    {
        var channel = await StartAsync((context, _) =>
        {
            context.Response.Headers["X-Correlating-OperationId"] = "op-42";
            return Answer(context, 403, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""");
        });

        var exception = await Assert.ThrowsAsync<PermanentDeliveryException>(() => channel.SendAsync(Reply(_connector!.BaseUrl)));

        Assert.Contains("403 BotNotInConversationRoster", exception.Message, StringComparison.Ordinal);
        var inner = Assert.IsType<BotConnectorException>(exception.InnerException);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, inner.StatusCode);
        Assert.Equal("BotNotInConversationRoster", inner.ErrorCode);
        Assert.Equal("op-42", inner.OperationId);
        Assert.Single(_connector!.Requests);
        Assert.Empty(_delays);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    public async Task Send_ShouldThrowPermanentWithoutRetrying_WhenConnectorRefusesTheRequest(int status)
    {
        var channel = await StartAsync((context, _) => Answer(context, status, "<html>gateway</html>"));

        var exception = await Assert.ThrowsAsync<PermanentDeliveryException>(() => channel.SendAsync(Reply(_connector!.BaseUrl)));

        Assert.Contains($"{status} (no error code)", exception.Message, StringComparison.Ordinal);
        Assert.Single(_connector!.Requests);
    }

    [Theory]
    [InlineData("https://evil.example/amer/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/amer/")]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("not a url")]
    public async Task Send_ShouldRefuseWithoutAnyRequest_WhenServiceUrlIsNotAllowed(string serviceUrl)
    {
        var channel = await StartAsync((context, _) => Answer(context, 200, string.Empty));

        var exception = await Assert.ThrowsAsync<PermanentDeliveryException>(() => channel.SendAsync(Reply(serviceUrl)));

        Assert.StartsWith("service URL not allowed", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_connector!.Requests);
        Assert.Equal(0, _credential.Issued);
    }

    [Fact]
    public async Task Send_ShouldThrowPermanent_WhenReplyHasNoConversationReference()
    {
        var channel = await StartAsync((context, _) => Answer(context, 200, string.Empty));

        var exception = await Assert.ThrowsAsync<PermanentDeliveryException>(() => channel.SendAsync(Reply(_connector!.BaseUrl) with { ConversationReference = null }));

        Assert.Contains("no conversation reference", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_connector!.Requests);
    }

    [Fact]
    public async Task Name_ShouldBeBotConnector()
    {
        var channel = await StartAsync((context, _) => Answer(context, 200, string.Empty));

        Assert.Equal("botconnector", channel.Name);
    }

    internal static OutgoingReply Reply(string baseUrl) => new()
    {
        ReplyId = $"msteams/{ActivityId}/acknowledgement",
        MentionId = ActivityId,
        Channel = "msteams",
        ConversationId = ConversationId,
        Kind = ReplyKind.Acknowledgement,
        Text = "Thanks Lena, we're on it and back at 9:00 AM CET.",
        CreatedAt = BotTestValues.Now,
        ConversationReference = new ConversationReference
        {
            ServiceUrl = baseUrl.StartsWith("http://127.0.0.1", StringComparison.Ordinal) ? baseUrl.TrimEnd('/') + "/amer/" : baseUrl,
            ActivityId = ActivityId,
            ChannelId = "msteams",
            Bot = new ChannelAccount { Id = "28:" + BotTestValues.AppId, Name = "Contoso Care" },
            User = new ChannelAccount { Id = "29:1kXo5qW3vR8nP2yT6uA9sD4fG7hJ0lZ", Name = "Lena Fischer" },
            Conversation = new ConversationAccount { Id = ConversationId, ConversationType = "channel", IsGroup = true },
        },
    };

    internal static Task Answer(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }

    private async Task<IReplyChannel> StartAsync(Func<HttpContext, int, Task> handler)
    {
        _connector = await FakeHttpServer.StartAsync((context, _, count) => handler(context, count));
        var client = new BotConnectorClient(
            new HttpClient(),
            new BotConnectorTokenProvider(_credential, _time, NullLogger<BotConnectorTokenProvider>.Instance),
            new BotServiceUrlPolicy([_connector.BaseUrl]),
            new ConnectorRetryPolicy { Delay = RecordDelay },
            _time,
            NullLogger<BotConnectorClient>.Instance);
        return new BotConnectorReplyChannel(client, NullLogger<BotConnectorReplyChannel>.Instance);
    }

    private Task RecordDelay(TimeSpan delay, CancellationToken cancellationToken)
    {
        _delays.Add(delay);
        if (_advanceClock)
        {
            _time.Advance(delay);
        }

        return Task.CompletedTask;
    }
}
