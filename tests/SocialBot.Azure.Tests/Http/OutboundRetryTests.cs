using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Timeout;
using SocialBot.Http;

namespace SocialBot.Azure.Tests.Http;

public sealed class OutboundRetryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 23, 0, 0, TimeSpan.Zero);
    private static readonly OutboundHttpPolicy Policy = new();

    [Theory]
    [InlineData("GET", HttpRequestError.NameResolutionError)]
    [InlineData("POST", HttpRequestError.NameResolutionError)]
    [InlineData("POST", HttpRequestError.ConnectionError)]
    public void ShouldRetry_ShouldRetryAnyMethod_WhenTheRequestNeverReachedTheServer(string method, HttpRequestError error)
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(new HttpRequestException(error, "refused"));

        Assert.True(OutboundRetry.ShouldRetry(outcome, new HttpMethod(method), Policy, Now, null));
    }

    [Theory]
    [InlineData(HttpRequestError.ResponseEnded)]
    [InlineData(HttpRequestError.Unknown)]
    [InlineData(HttpRequestError.SecureConnectionError)]
    public void ShouldRetry_ShouldNotRetryAPost_WhenTheConnectionFailedAfterItWasOpened(HttpRequestError error)
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(new HttpRequestException(error, "reset"));

        Assert.False(OutboundRetry.ShouldRetry(outcome, HttpMethod.Post, Policy, Now, null));
        Assert.True(OutboundRetry.ShouldRetry(outcome, HttpMethod.Get, Policy, Now, null));
    }

    [Fact]
    public void ShouldRetry_ShouldRetryOnlyAGet_WhenTheAttemptTimedOut()
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException());

        Assert.True(OutboundRetry.ShouldRetry(outcome, HttpMethod.Get, Policy, Now, null));
        Assert.False(OutboundRetry.ShouldRetry(outcome, HttpMethod.Post, Policy, Now, null));
        Assert.False(OutboundRetry.ShouldRetry(outcome, HttpMethod.Patch, Policy, Now, null));
    }

    [Fact]
    public void ShouldRetry_ShouldNotRetry_WhenTheCallerCancelled()
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(new OperationCanceledException());

        Assert.False(OutboundRetry.ShouldRetry(outcome, HttpMethod.Get, Policy, Now, null));
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(501, false)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    [InlineData(302, false)]
    public void ShouldRetry_ShouldRetryTransientStatuses_WhenTheMethodIsAGet(int status, bool expected)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        Assert.Equal(expected, OutboundRetry.ShouldRetry(Outcome.FromResult(response), HttpMethod.Get, Policy, Now, null));
    }

    [Theory]
    [InlineData(429, null, false)]
    [InlineData(429, "5", true)]
    [InlineData(503, null, false)]
    [InlineData(503, "5", true)]
    [InlineData(500, "5", false)]
    [InlineData(502, "5", false)]
    [InlineData(504, "5", false)]
    [InlineData(408, "5", false)]
    public void ShouldRetry_ShouldRetryAPostOnlyWhenAskedToComeBack_WhenTheServerAnswered(int status, string? retryAfter, bool expected)
    {
        using var response = Response(status, retryAfter);

        Assert.Equal(expected, OutboundRetry.ShouldRetry(Outcome.FromResult(response), HttpMethod.Post, Policy, Now, null));
    }

    [Fact]
    public void ShouldRetry_ShouldNotRetry_WhenRetryAfterIsLongerThanTheCap()
    {
        using var response = Response(503, "31");

        Assert.False(OutboundRetry.ShouldRetry(Outcome.FromResult(response), HttpMethod.Get, Policy, Now, null));
    }

    [Fact]
    public void ShouldRetry_ShouldNotRetry_WhenTheWaitWouldEndPastTheDeadline()
    {
        using var response = Response(503, "10");

        Assert.False(OutboundRetry.ShouldRetry(Outcome.FromResult(response), HttpMethod.Get, Policy, Now, Now.AddSeconds(9)));
        Assert.True(OutboundRetry.ShouldRetry(Outcome.FromResult(response), HttpMethod.Get, Policy, Now, Now.AddSeconds(11)));
    }

    [Fact]
    public void ShouldRetry_ShouldNotRetry429_WhenRateLimitsAreTheCallersJob()
    {
        using var response = Response(429, "1");
        var networks = new OutboundHttpPolicy { RetryRateLimited = false };

        Assert.False(OutboundRetry.ShouldRetry(Outcome.FromResult(response), HttpMethod.Get, networks, Now, null));
    }

    [Fact]
    public void RetryAfter_ShouldReadDeltaSeconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), OutboundRetry.RetryAfter(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), Now));
    }

    [Fact]
    public void RetryAfter_ShouldMeasureAnHttpDateFromNow()
    {
        var header = RetryConditionHeaderValue.Parse(Now.AddSeconds(12).ToString("R", CultureInfo.InvariantCulture));

        Assert.Equal(TimeSpan.FromSeconds(12), OutboundRetry.RetryAfter(header, Now));
    }

    [Fact]
    public void RetryAfter_ShouldBeZero_WhenTheDateHasPassed()
    {
        var header = RetryConditionHeaderValue.Parse(Now.AddSeconds(-30).ToString("R", CultureInfo.InvariantCulture));

        Assert.Equal(TimeSpan.Zero, OutboundRetry.RetryAfter(header, Now));
    }

    [Fact]
    public void RetryAfter_ShouldBeNull_WhenTheResponseSendsNone()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Null(OutboundRetry.RetryAfter(response, Now));
    }

    private static HttpResponseMessage Response(int status, string? retryAfter)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status);
        if (retryAfter is not null)
        {
            response.Headers.RetryAfter = RetryConditionHeaderValue.Parse(retryAfter);
        }

        return response;
    }
}
