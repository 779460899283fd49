using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialBot.Networks.Bluesky;

public static class BlueskyRegistration
{
    /// <summary>Registers the Bluesky connector when `SocialBot:Networks:Bluesky` has credentials (not yet implemented).</summary>
    public static IServiceCollection AddBlueskyNetwork(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
