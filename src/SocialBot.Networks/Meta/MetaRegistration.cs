using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialBot.Core.Channels;
using SocialBot.Core.Replies;
using SocialBot.Http;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.Meta;

public static class MetaRegistration
{
    private static readonly string[] CredentialKeys = ["AppSecret", "VerifyToken", "PageId", "PageAccessToken"];

    /// <summary>
    /// Registers the Meta connector (Facebook Page comments and Instagram comments) when `SocialBot:Networks:Meta` has
    /// any credential: <see cref="MetaOptions"/> validated at start, the <see cref="MetaWebhookHandler"/> for
    /// <c>/api/networks/meta</c>, the <c>meta</c> reply channel and its network check. Without credentials nothing is
    /// registered (the webhook route should then answer 404).
    /// </summary>
    public static IServiceCollection AddMetaNetwork(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(MetaOptions.SectionName);
        if (!IsConfigured(section))
        {
            return services;
        }

        services.AddOptions<MetaOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MetaOptions>, MetaOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new ChannelCatalog());
        services.AddOutboundHttpClient(MetaGraphClient.HttpClientName, MetaGraphClient.Policy);
        services.TryAddSingleton<MetaWebhookHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReplyChannel, MetaReplyChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INetworkCheck, MetaNetworkCheck>());
        return services;
    }

    /// <summary>Whether any Meta credential is set under <c>SocialBot:Networks:Meta</c> (the network is on).</summary>
    internal static bool IsConfigured(IConfiguration section) => CredentialKeys.Any(key => !string.IsNullOrWhiteSpace(section[key]));
}
