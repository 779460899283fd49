using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialBot.Core.Networks;
using SocialBot.Core.Replies;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.X;

public static class XRegistration
{
    /// <summary>
    /// Registers the X connector (poller, reply channel, credential check) when <c>SocialBot:Networks:X</c> has
    /// credentials; the options are validated at start, naming the wrong key.
    /// </summary>
    public static IServiceCollection AddXNetwork(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(XOptions.SectionName);
        if (!XOptions.IsConfigured(section))
        {
            return services;
        }

        services.AddOptions<XOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XOptions>, XOptionsValidator>());
        services.AddNetworkHttp(XApi.Network);
        services.TryAddSingleton<XApi>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReplyChannel, XReplyChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INetworkPoller, XPoller>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INetworkCheck, XCheck>());
        return services;
    }
}
