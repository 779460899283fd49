using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialBot.Http;

namespace SocialBot.Networks.Common;

/// <summary>Registration pieces every network uses.</summary>
public static class NetworkServices
{
    /// <summary>Timeout of one API request.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The networks' retries: 30 s an attempt, 60 s in all; GETs retried on 408, 5xx, timeouts and transport failures,
    /// a POST (a public reply) only when it never reached the API or on 503 with a short <c>Retry-After</c>. Never 429:
    /// the pollers record the rate-limit reset and back off (<see cref="FeedPoller"/>), and a reply's 429 goes back to the queue.
    /// </summary>
    public static readonly OutboundHttpPolicy RetryPolicy = new()
    {
        AttemptTimeout = RequestTimeout,
        TotalTimeout = TimeSpan.FromSeconds(60),
        MaxRetries = 2,
        MaxRetryAfter = TimeSpan.FromSeconds(10),
        RetryRateLimited = false,
    };

    /// <summary>The network's named HttpClient: redirects off (they would carry the credentials elsewhere), timeouts and retries of <see cref="RetryPolicy"/>.</summary>
    public static IServiceCollection AddNetworkHttp(this IServiceCollection services, string network)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NetworkHttpRegistry>();
        services.AddOutboundHttpClient(NetworkHttp.ClientName(network), RetryPolicy);
        return services;
    }
}
