using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialBot.Azure.Handoffs;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Triage;
using SocialBot.Http;
using SocialBot.Testing.Http;

namespace SocialBot.Azure.Tests.Http;

/// <summary>The outbound pipeline against fake servers on loopback, its waits on a fake clock.</summary>
public sealed class OutboundHttpTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 23, 0, 0, TimeSpan.Zero);

    private readonly TimerWatchingTimeProvider _time = new(Start);
    private readonly TaskCompletionSource _hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeHttpServer _target = null!;
    private FakeHttpServer _redirector = null!;
    private FakeHttpServer? _server;

    public async Task InitializeAsync()
    {
        _target = await FakeHttpServer.StartAsync((context, _, _) =>
        {
            context.Response.StatusCode = 200;
            return Task.CompletedTask;
        });
        _redirector = await FakeHttpServer.StartAsync((context, _, _) =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = _target.BaseUrl + "/elsewhere";
            return Task.CompletedTask;
        });
    }

    public async Task DisposeAsync()
    {
        await _redirector.DisposeAsync();
        await _target.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Send_ShouldRetryAfterOneSecond_WhenTheServerAnswers503WithRetryAfter1()
    {
        // Arrange
        using var host = await StartAsync(new OutboundHttpPolicy { AttemptTimeout = null }, (context, count) =>
        {
            if (count == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return Answer(context, 503);
            }

            return Answer(context, 200);
        });

        // Act
        var sending = host.Client.PostAsync(new Uri(_server!.BaseUrl + "/hook"), new StringContent("{}"));
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromMilliseconds(999));
        var requestsBeforeTheSecond = _server.Requests.Count;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        using var response = await sending;

        // Assert
        Assert.Equal(1, requestsBeforeTheSecond);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Send_ShouldWaitUntilTheAnnouncedDate_WhenRetryAfterIsAnHttpDate()
    {
        using var host = await StartAsync(new OutboundHttpPolicy { AttemptTimeout = null }, (context, count) =>
        {
            if (count == 1)
            {
                context.Response.Headers.RetryAfter = Start.AddSeconds(10).ToString("R", CultureInfo.InvariantCulture);
                return Answer(context, 429);
            }

            return Answer(context, 200);
        });

        var sending = host.Client.GetAsync(new Uri(_server!.BaseUrl + "/items"));
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(10));
        using var response = await sending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Send_ShouldGiveUpAtOnce_WhenRetryAfterIsLongerThanTheCap()
    {
        // Arrange: an hour; the cap is 30 s, so the caller's queue retry defers the work instead.
        using var host = await StartAsync(new OutboundHttpPolicy(), (context, _) =>
        {
            context.Response.Headers.RetryAfter = "3600";
            return Answer(context, 503);
        });

        // Act: the clock never moves, so any wait would never end.
        using var response = await host.Client.GetAsync(new Uri(_server!.BaseUrl + "/items"));

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Send_ShouldNotWait_WhenRetryAfterWouldEndPastTheTotalTimeout()
    {
        using var host = await StartAsync(new OutboundHttpPolicy { TotalTimeout = TimeSpan.FromSeconds(20) }, (context, _) =>
        {
            context.Response.Headers.RetryAfter = "25";
            return Answer(context, 503);
        });

        using var response = await host.Client.GetAsync(new Uri(_server!.BaseUrl + "/items"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Post_ShouldNotBeRetried_WhenTheAttemptTimesOut()
    {
        // Arrange: the server takes the request and never answers; the post may have taken effect.
        using var host = await StartAsync(new OutboundHttpPolicy { AttemptTimeout = TimeSpan.FromSeconds(5) }, HangAsync);

        // Act
        var sending = host.Client.PostAsync(new Uri(_server!.BaseUrl + "/reply"), new StringContent("{}"));
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        await _hanging.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(5));
        var exception = await Assert.ThrowsAsync<TaskCanceledException>(() => sending);

        // Assert: timed out as HttpClient reports it, after one request only.
        Assert.IsType<TimeoutException>(exception.InnerException);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Get_ShouldBeRetried_WhenTheAttemptTimesOut()
    {
        using var host = await StartAsync(new OutboundHttpPolicy { AttemptTimeout = TimeSpan.FromSeconds(5) }, (context, count) =>
            count == 1 ? HangAsync(context, count) : Answer(context, 200));

        var sending = host.Client.GetAsync(new Uri(_server!.BaseUrl + "/items"));
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        await _hanging.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(5));
        var backoff = await _time.NextTimerAsync();
        _time.Advance(backoff);
        using var response = await sending;

        Assert.InRange(backoff, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task Post_ShouldNotBeRetried_WhenTheServerFailsWithoutRetryAfter(int status)
    {
        using var host = await StartAsync(new OutboundHttpPolicy(), (context, _) => Answer(context, status));

        using var response = await host.Client.PostAsync(new Uri(_server!.BaseUrl + "/reply"), new StringContent("{}"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Post_ShouldBeRetried_WhenRateLimitedWithRetryAfter()
    {
        using var host = await StartAsync(new OutboundHttpPolicy(), (context, count) =>
        {
            context.Response.Headers.RetryAfter = "2";
            return Answer(context, count == 1 ? 429 : 201);
        });

        var sending = host.Client.PostAsync(new Uri(_server!.BaseUrl + "/reply"), new StringContent("{}"));
        await _time.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        _time.Advance(TimeSpan.FromSeconds(2));
        using var response = await sending;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Send_ShouldLeave429ToTheCaller_WhenRateLimitsAreNotRetried()
    {
        // The polled networks: their pollers record the reset and back off.
        using var host = await StartAsync(new OutboundHttpPolicy { RetryRateLimited = false }, (context, _) =>
        {
            context.Response.Headers.RetryAfter = "1";
            return Answer(context, 429);
        });

        using var response = await host.Client.GetAsync(new Uri(_server!.BaseUrl + "/items"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Get_ShouldStopAfterTheLastRetry_WhenTheServerKeepsFailing()
    {
        using var host = await StartAsync(new OutboundHttpPolicy { MaxRetries = 2, AttemptTimeout = null }, (context, _) =>
        {
            context.Response.Headers.RetryAfter = "1";
            return Answer(context, 502);
        });

        var sending = host.Client.GetAsync(new Uri(_server!.BaseUrl + "/items"));
        for (var retry = 0; retry < 2; retry++)
        {
            await _time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        using var response = await sending;

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Fact]
    public async Task AddOutboundHttpClient_ShouldAddOnePipeline_WhenTheSameClientIsRegisteredTwice()
    {
        // Arrange: the bot channel and the inbox both register the OpenID metadata client.
        _server = await FakeHttpServer.StartAsync((context, _, _) =>
        {
            context.Response.Headers.RetryAfter = "0";
            return Answer(context, 503);
        });
        var services = new ServiceCollection().AddSingleton<TimeProvider>(_time);
        var policy = new OutboundHttpPolicy { MaxRetries = 1, AttemptTimeout = null };
        services.AddOutboundHttpClient("twice", policy);
        services.AddOutboundHttpClient("twice", policy);
        using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("twice");

        // Act
        using var response = await client.GetAsync(new Uri(_server.BaseUrl + "/items"));

        // Assert: one retry, not a retry of retries.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Send_ShouldNotLogTheUrl_WhenItCarriesASecret()
    {
        // Arrange: the factory's own request logging would write the URI (and a webhook's secret path) at Information.
        _server = await FakeHttpServer.StartAsync((context, _, _) => Answer(context, 200));
        var logged = new RecordingLoggerProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(_time);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logged));
        services.AddOutboundHttpClient("webhook", new OutboundHttpPolicy());
        using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("webhook");

        // Act
        using var response = await client.PostAsync(new Uri(_server.BaseUrl + "/hooks/s3cr3t-path"), new StringContent("{}"));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(logged.Messages, message => message.Contains("s3cr3t", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_ShouldNotFollowTheRedirect_SoTheTokenNeverReachesItsTarget()
    {
        using var host = new OutboundClientHost(_time, new OutboundHttpPolicy());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_redirector.BaseUrl + "/v3/conversations"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "secret-token");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Bearer secret-token", Assert.Single(_redirector.Requests).Authorization);
        Assert.Empty(_target.Requests);
    }

    [Fact]
    public async Task EscalationWebhook_ShouldFailWithoutFollowing_WhenTheWebhookRedirects()
    {
        // Finding 12: the webhook client followed redirects, so a notice could be bounced to any host.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SocialBot:Escalation:WebhookUrl"] = _redirector.BaseUrl + "/hooks?secret=s3cr3t" })
            .Build();
        using var provider = new ServiceCollection().AddSocialBotHandoffs(configuration).BuildServiceProvider();
        var webhook = provider.GetRequiredService<IEscalationWebhook>();
        var notice = new EscalationNotice
        {
            HandoffId = "h-1",
            Priority = HandoffPriority.Urgent,
            Channel = "webchat",
            Reasons = ["urgent"],
            ArrivedAfterHours = true,
        };

        var exception = await Assert.ThrowsAsync<EscalationWebhookException>(() => webhook.PostAsync(notice));

        Assert.Equal(302, exception.Status);
        Assert.Single(_redirector.Requests);
        Assert.Empty(_target.Requests);
    }

    private async Task<OutboundClientHost> StartAsync(OutboundHttpPolicy policy, Func<HttpContext, int, Task> handler)
    {
        _server = await FakeHttpServer.StartAsync((context, _, count) => handler(context, count));
        return new OutboundClientHost(_time, policy);
    }

    private async Task HangAsync(HttpContext context, int count)
    {
        _hanging.TrySetResult();
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up on the request.
        }
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Recorder(this);

        public void Dispose()
        {
        }

        private sealed class Recorder(RecordingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._messages)
                {
                    owner._messages.Add(formatter(state, exception));
                }
            }
        }
    }

    private static Task Answer(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
