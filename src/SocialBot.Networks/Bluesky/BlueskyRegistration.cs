using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialBot.Core.Networks;
using SocialBot.Core.Replies;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.Bluesky;

public static class BlueskyRegistration
{
    /// <summary>Registers the Bluesky connector when <c>SocialBot:Networks:Bluesky</c> has an app password.</summary>
    public static IServiceCollection AddBlueskyNetwork(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(BlueskyOptions.SectionName);
        if (!BlueskyOptions.IsConfigured(section))
        {
            return services;
        }

        services.AddOptions<BlueskyOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BlueskyOptions>, BlueskyOptionsValidator>());
        services.AddNetworkHttp(BlueskyApi.Network);
        services.TryAddSingleton<BlueskyApi>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReplyChannel, BlueskyReplyChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INetworkPoller, BlueskyPoller>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INetworkCheck, BlueskyCheck>());
        return services;
    }
}
