using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace SocialBot.Http;

/// <summary>
/// Registers the app's outbound HTTP clients with <c>Microsoft.Extensions.Http</c>: every one over a primary handler
/// that never follows redirects (a token, a key or a webhook secret cannot be bounced to another host) and recycles
/// pooled connections (DNS changes are picked up), with its own timeouts; clients the app calls directly also get a
/// <c>Microsoft.Extensions.Http.Resilience</c> pipeline (<see cref="OutboundHttpPolicy"/>, <see cref="OutboundRetry"/>).
/// The factory's request logging is removed: it writes the full URI at Information, and a webhook URL can carry its
/// secret in the path (the adapters log what they send with their own events, without secrets).
/// </summary>
public static class OutboundHttp
{
    /// <summary>How long a pooled connection is reused before it is replaced (and the host name resolved again).</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>How long opening a connection may take before the attempt fails (and may be retried: nothing was sent).</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The primary handler of every outbound client: redirects off, pooled connections recycled.</summary>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = PooledConnectionLifetime,
        ConnectTimeout = ConnectTimeout,
    };

    /// <summary>
    /// A named client with the retry and timeout pipeline of <paramref name="policy"/>; the pipeline's clock is the
    /// container's <see cref="TimeProvider"/> (so tests drive waits with a fake clock).
    /// </summary>
    public static IHttpClientBuilder AddOutboundHttpClient(this IServiceCollection services, string name, OutboundHttpPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return services.AddOutboundHttpClient(name, _ => policy);
    }

    /// <inheritdoc cref="AddOutboundHttpClient(IServiceCollection, string, OutboundHttpPolicy)"/>
    public static IHttpClientBuilder AddOutboundHttpClient(this IServiceCollection services, string name, Func<IServiceProvider, OutboundHttpPolicy> policy)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(policy);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(OutboundClientRegistration) && descriptor.ImplementationInstance is OutboundClientRegistration registered && registered.Name == name))
        {
            // Registered already (two hosts' extensions can both need the client): a second pipeline would retry twice over.
            return services.AddHttpClient(name);
        }

        services.AddSingleton(new OutboundClientRegistration(name));
        var builder = services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .RemoveAllLoggers()
            .AddHttpMessageHandler(() => new OutboundTimeoutHandler());
        builder.AddResilienceHandler(name, (pipeline, context) => Configure(pipeline, policy(context.ServiceProvider), context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder;
    }

    /// <summary>
    /// A named client for an Azure SDK transport (an Azure.Core <c>HttpClientTransport</c> over the client): redirects off and pooled
    /// connections recycled, but no pipeline here, because the Azure.Core pipeline already retries (honouring
    /// <c>Retry-After</c>) and times out each try (<c>RetryOptions.NetworkTimeout</c>); two retry layers would multiply.
    /// </summary>
    public static IHttpClientBuilder AddOutboundTransportClient(this IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .RemoveAllLoggers();
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, OutboundHttpPolicy policy, TimeProvider time)
    {
        pipeline.TimeProvider = time;
        pipeline.AddStrategy(_ => new RequestStartStrategy(time, policy.TotalTimeout), new RequestStartStrategyOptions());
        pipeline.AddTimeout(policy.TotalTimeout);
        if (policy.MaxRetries > 0)
        {
            pipeline.AddRetry(new()
            {
                MaxRetryAttempts = policy.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = policy.UseJitter,
                Delay = policy.BaseDelay,
                MaxDelay = policy.MaxRetryAfter,
                ShouldHandle = args => ValueTask.FromResult(OutboundRetry.ShouldRetry(
                    args.Outcome,
                    args.Context.GetRequestMessage()?.Method ?? args.Outcome.Result?.RequestMessage?.Method,
                    policy,
                    time.GetUtcNow(),
                    args.Context.Properties.TryGetValue(RequestStartStrategy.DeadlineKey, out var deadline) ? deadline : null)),
                DelayGenerator = args => ValueTask.FromResult(OutboundRetry.RetryAfter(args.Outcome.Result, time.GetUtcNow())),
            });
        }

        if (policy.AttemptTimeout is { } attempt)
        {
            pipeline.AddTimeout(attempt);
        }
    }

    private sealed class RequestStartStrategyOptions : ResilienceStrategyOptions
    {
    }

    /// <summary>Marks a client name as registered, so registering it again adds nothing.</summary>
    private sealed record OutboundClientRegistration(string Name);
}
