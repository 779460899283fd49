using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SocialBot.Networks.Common;

/// <summary>Registration pieces every network uses.</summary>
public static class NetworkServices
{
    /// <summary>Timeout of one API request.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The network's named HttpClient: redirects off (they would carry the credentials elsewhere), a request timeout.</summary>
    public static IServiceCollection AddNetworkHttp(this IServiceCollection services, string network)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<NetworkHttpRegistry>();
        services.AddHttpClient(NetworkHttp.ClientName(network), client => client.Timeout = RequestTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        return services;
    }
}
