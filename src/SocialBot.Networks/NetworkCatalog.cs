using Microsoft.Extensions.Configuration;
using SocialBot.Networks.Bluesky;
using SocialBot.Networks.Mastodon;
using SocialBot.Networks.X;

namespace SocialBot.Networks;

/// <summary>The social networks SocialBot connects to by polling, and whether each has credentials configured.</summary>
public static class NetworkCatalog
{
    public static IReadOnlyList<(string Name, string Section, bool Configured)> Describe(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return
        [
            (XApi.Network, XOptions.SectionName, XOptions.IsConfigured(configuration.GetSection(XOptions.SectionName))),
            (BlueskyApi.Network, BlueskyOptions.SectionName, BlueskyOptions.IsConfigured(configuration.GetSection(BlueskyOptions.SectionName))),
            (MastodonApi.Network, MastodonOptions.SectionName, MastodonOptions.IsConfigured(configuration.GetSection(MastodonOptions.SectionName))),
        ];
    }
}
