using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialBot.Core.Networks;
using SocialBot.Core.Replies;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.Mastodon;

public static class MastodonRegistration
{
    /// <summary>Registers the Mastodon connector when <c>SocialBot:Networks:Mastodon</c> has an access token.</summary>
    public static IServiceCollection AddMastodonNetwork(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(MastodonOptions.SectionName);
        if (!MastodonOptions.IsConfigured(section))
        {
            return services;
        }

        services.AddOptions<MastodonOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MastodonOptions>, MastodonOptionsValidator>());
        services.AddNetworkHttp(MastodonApi.Network);
        services.TryAddSingleton<MastodonApi>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReplyChannel, MastodonReplyChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INetworkPoller, MastodonPoller>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INetworkCheck, MastodonCheck>());
        return services;
    }
}
