using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialBot.Networks.Mastodon;

public static class MastodonRegistration
{
    /// <summary>Registers the Mastodon connector when `SocialBot:Networks:Mastodon` has credentials (not yet implemented).</summary>
    public static IServiceCollection AddMastodonNetwork(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
