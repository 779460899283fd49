using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialBot.Networks.X;

public static class XRegistration
{
    /// <summary>Registers the X connector when `SocialBot:Networks:X` has credentials (not yet implemented).</summary>
    public static IServiceCollection AddXNetwork(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
