using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SocialBot.Azure.Http;

public static class HttpProtectionServiceCollectionExtensions
{
    public const string RateLimitSectionName = "SocialBot:Http:RateLimit";

    /// <summary>
    /// Registers the <see cref="ClientRateLimiter"/> for anonymous endpoints, with <see cref="ClientRateLimitOptions"/>
    /// bound to <c>SocialBot:Http:RateLimit</c> and validated at start.
    /// </summary>
    public static IServiceCollection AddSocialBotHttpProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ClientRateLimitOptions>().Bind(configuration.GetSection(RateLimitSectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClientRateLimitOptions>, ClientRateLimitOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ClientRateLimiter(
            provider.GetRequiredService<IOptions<ClientRateLimitOptions>>().Value,
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}

/// <summary>Fails at start, naming the key, on a limit that would refuse everything or nothing.</summary>
internal sealed class ClientRateLimitOptionsValidator : IValidateOptions<ClientRateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, ClientRateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Prefix = HttpProtectionServiceCollectionExtensions.RateLimitSectionName;
        var failures = new List<string>();
        if (options.ConcurrentRequestsPerClient is < 1 or > 1000)
        {
            failures.Add($"{Prefix}:ConcurrentRequestsPerClient must be between 1 and 1000");
        }

        if (options.RequestsPerWindow is < 1 or > 1_000_000)
        {
            failures.Add($"{Prefix}:RequestsPerWindow must be between 1 and 1000000");
        }

        if (options.Window < TimeSpan.FromSeconds(1) || options.Window > TimeSpan.FromHours(1))
        {
            failures.Add($"{Prefix}:Window must be between 00:00:01 and 01:00:00");
        }

        if (options.MaxTrackedClients is < 1 or > 1_000_000)
        {
            failures.Add($"{Prefix}:MaxTrackedClients must be between 1 and 1000000");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
