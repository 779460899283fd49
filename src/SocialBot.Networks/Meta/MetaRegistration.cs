using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialBot.Networks.Meta;

public static class MetaRegistration
{
    /// <summary>Registers the Meta connector when `SocialBot:Networks:Meta` has credentials (not yet implemented).</summary>
    public static IServiceCollection AddMetaNetwork(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
