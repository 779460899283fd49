using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using SocialBot.Azure.BotConnector;
using SocialBot.Core.Mentions;
using SocialBot.Core.Replies;
using SocialBot.Testing.Http;

namespace SocialBot.Azure.Tests.BotConnector;

public sealed class BotConnectorReplyChannelTests : IAsyncDisposable
{
    private const string ConversationId = "19:4b2f8e1a9c3d47b6a5e8f0d2c1b7a3e9@thread.tacv2;messageid=1763936411402";
    private const string ActivityId = "1763936411402";

    private readonly TimerWatchingTimeProvider _time = new(BotTestValues.Now);
    private readonly FakeTokenCredential _credential;
    private OutboundClientHost? _http;
    private FakeHttpServer? _connector;

    public BotConnectorReplyChannelTests()
    {
        _credential = new FakeTokenCredential(_time);
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
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

        var sending = channel.SendAsync(Reply(_connector!.BaseUrl));
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        await sending;

        Assert.Equal(2, _connector.Requests.Count);
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

        var sending = channel.SendAsync(Reply(_connector!.BaseUrl));
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(10));
        await sending;

        Assert.Equal(2, _connector.Requests.Count);
    }

    [Fact]
    public async Task Send_ShouldLeaveTheWaitToTheQueue_WhenRetryAfterIsVeryLong()
    {
        // Arrange: an hour; holding the queue function that long is worse than the queue's own retry.
        var channel = await StartAsync((context, count) =>
        {
            context.Response.Headers.RetryAfter = "3600";
            return Answer(context, count == 1 ? 429 : 200, string.Empty);
        });

        // Act: the clock never moves, so any wait would never end.
        var exception = await Assert.ThrowsAsync<BotConnectorException>(() => channel.SendAsync(Reply(_connector!.BaseUrl)));

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.Single(_connector!.Requests);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Send_ShouldNotRetryThePost_WhenConnectorFailsWithoutAskingToComeBack(int status)
    {
        // Arrange: the activity may have been posted before the failure; a retry here could post it twice in public.
        var channel = await StartAsync((context, _) => Answer(context, status, """{"error":{"code":"ServiceError","message":"upstream"}}"""));

        // Act
        var exception = await Assert.ThrowsAsync<BotConnectorException>(() => channel.SendAsync(Reply(_connector!.BaseUrl)));

        // Assert: transient, so the queue retries later behind SendReply's claim.
        Assert.Equal(status, (int)exception.StatusCode);
        Assert.Equal("ServiceError", exception.ErrorCode);
        Assert.Single(_connector!.Requests);
    }

    [Fact]
    public async Task Send_ShouldNotRetryThePost_WhenTheConnectorDoesNotAnswerInTime()
    {
        // Arrange
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var channel = await StartAsync(async (context, _) =>
        {
            reached.TrySetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up.
            }
        });

        // Act
        var sending = channel.SendAsync(Reply(_connector!.BaseUrl));
        await _time.WaitForTimerAsync(BotConnectorClient.Policy.AttemptTimeout!.Value);
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _time.Advance(BotConnectorClient.Policy.AttemptTimeout!.Value);
        var exception = await Assert.ThrowsAsync<BotConnectorException>(() => sending);

        // Assert
        Assert.Equal(System.Net.HttpStatusCode.RequestTimeout, exception.StatusCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Send_ShouldStopRetryingWithinTheSendBudget_WhenTheConnectorKeepsAskingToWait()
    {
        // Arrange: 30 s Retry-After three times would have taken 90 s plus the attempts.
        var channel = await StartAsync((context, _) =>
        {
            context.Response.Headers.RetryAfter = "30";
            return Answer(context, 503, string.Empty);
        });
        var started = _time.GetUtcNow();

        // Act
        var sending = channel.SendAsync(Reply(_connector!.BaseUrl));
        await _time.WaitForTimerAsync(BotConnectorClient.Policy.AttemptTimeout!.Value);
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(30));
        var exception = await Assert.ThrowsAsync<BotConnectorException>(() => sending);

        // Assert: a second wait would have ended at the budget, so it was not made.
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.True(_time.GetUtcNow() - started < BotConnectorClient.Policy.TotalTimeout, $"took {_time.GetUtcNow() - started}");
        Assert.Equal(2, _connector.Requests.Count);
    }

    [Fact]
    public void SendBudget_ShouldEndWellBeforeTheSendClaimGoesStale()
    {
        // Assert: the whole send, attempts and waits, ends before another delivery may take over.
        Assert.True(BotConnectorClient.Policy.TotalTimeout + TimeSpan.FromSeconds(30) < SocialBot.Azure.Storage.TableSentReplyLog.StaleAfter);
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
        _http = new OutboundClientHost(_time, BotConnectorClient.Policy);
        var client = new BotConnectorClient(
            _http.Client,
            new BotConnectorTokenProvider(_credential, _time, NullLogger<BotConnectorTokenProvider>.Instance),
            new BotServiceUrlPolicy([_connector.BaseUrl]),
            NullLogger<BotConnectorClient>.Instance);
        return new BotConnectorReplyChannel(client, NullLogger<BotConnectorReplyChannel>.Instance);
    }
}
