using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialBot.Azure.Http;

namespace SocialBot.Azure.Tests.Http;

public sealed class ClientRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryAcquire_ShouldRefuseWithRetryAfter_WhenOneClientHasTooManyRequestsInFlight()
    {
        using var limiter = Create(concurrent: 2, perWindow: 100);
        using var first = limiter.TryAcquire("203.0.113.7");
        using var second = limiter.TryAcquire("203.0.113.7");

        using var third = limiter.TryAcquire("203.0.113.7");

        Assert.True(first.IsAllowed);
        Assert.True(second.IsAllowed);
        Assert.False(third.IsAllowed);
        Assert.Equal(1, third.RetryAfterSeconds);
    }

    [Fact]
    public void TryAcquire_ShouldAdmitAgain_WhenAnInFlightRequestEnds()
    {
        using var limiter = Create(concurrent: 1, perWindow: 100);
        var first = limiter.TryAcquire("203.0.113.7");
        Assert.False(limiter.TryAcquire("203.0.113.7").IsAllowed);

        first.Dispose();

        using var again = limiter.TryAcquire("203.0.113.7");
        Assert.True(again.IsAllowed);
    }

    [Fact]
    public void TryAcquire_ShouldNotLimitOtherClients_WhenOneClientIsFlooding()
    {
        using var limiter = Create(concurrent: 1, perWindow: 100);
        using var flooding = limiter.TryAcquire("203.0.113.7");
        Assert.False(limiter.TryAcquire("203.0.113.7").IsAllowed);

        using var other = limiter.TryAcquire("198.51.100.20");

        Assert.True(other.IsAllowed);
    }

    [Fact]
    public void TryAcquire_ShouldRefuseUntilTheWindowEnds_WhenOneClientSendsTooManyRequests()
    {
        using var limiter = Create(concurrent: 10, perWindow: 3, window: TimeSpan.FromMinutes(1));
        for (var i = 0; i < 3; i++)
        {
            limiter.TryAcquire("203.0.113.7").Dispose();
        }

        _time.Advance(TimeSpan.FromSeconds(20));
        using var refused = limiter.TryAcquire("203.0.113.7");
        _time.Advance(TimeSpan.FromSeconds(40));
        using var admitted = limiter.TryAcquire("203.0.113.7");

        Assert.False(refused.IsAllowed);
        Assert.Equal(40, refused.RetryAfterSeconds);
        Assert.True(admitted.IsAllowed);
    }

    [Fact]
    public void TryAcquire_ShouldPutNewcomersInOneSharedPartition_WhenTooManyClientsAreTracked()
    {
        using var limiter = new ClientRateLimiter(new ClientRateLimitOptions { ConcurrentRequestsPerClient = 1, MaxTrackedClients = 2 }, _time);
        using var a = limiter.TryAcquire("10.0.0.1");
        using var b = limiter.TryAcquire("10.0.0.2");

        using var c = limiter.TryAcquire("10.0.0.3");
        using var d = limiter.TryAcquire("10.0.0.4");

        Assert.True(c.IsAllowed);
        Assert.False(d.IsAllowed);
    }

    private ClientRateLimiter Create(int concurrent, int perWindow, TimeSpan? window = null) =>
        new(new ClientRateLimitOptions { ConcurrentRequestsPerClient = concurrent, RequestsPerWindow = perWindow, Window = window ?? TimeSpan.FromMinutes(1) }, _time);
}

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("198.51.100.9, 203.0.113.7:51234", null, "203.0.113.7")]
    [InlineData("203.0.113.7", "10.0.0.4", "203.0.113.7")]
    [InlineData("[2001:db8::1]:443", null, "2001:db8::1")]
    [InlineData(null, "10.0.0.4", "10.0.0.4")]
    [InlineData(null, null, "unknown")]
    public void From_ShouldUseTheHopThePlatformAppended_WhenForwardedForIsPresent(string? forwardedFor, string? remote, string expected) =>
        Assert.Equal(expected, ClientAddress.From(forwardedFor, remote));
}

public sealed class HttpProtectionServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSocialBotHttpProtection_ShouldNameTheKey_WhenALimitIsInvalid()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SocialBot:Http:RateLimit:ConcurrentRequestsPerClient"] = "0" })
            .Build();
        using var provider = new ServiceCollection().AddSocialBotHttpProtection(configuration).BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ClientRateLimiter>());

        Assert.Contains("SocialBot:Http:RateLimit:ConcurrentRequestsPerClient", exception.Message, StringComparison.Ordinal);
    }
}
