using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Networks.Bluesky;
using SocialBot.Networks.Common;
using SocialBot.Networks.Mastodon;
using SocialBot.Networks.Meta;
using SocialBot.Networks.X;

namespace SocialBot.Networks;

/// <summary>
/// Registers the social network connectors (one folder per network: ingress + reply channel). A network whose
/// credentials are absent under <c>SocialBot:Networks:*</c> is off: nothing of it is registered but the reason its
/// replies fall back to the local outbox.
/// </summary>
public static class DependencyInjection
{
    public static IServiceCollection AddSocialBotNetworks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddXNetwork(configuration);
        services.AddBlueskyNetwork(configuration);
        services.AddMastodonNetwork(configuration);
        services.AddMetaNetwork(configuration);
        services.AddUnavailableNetworks(configuration);
        return services;
    }
}
