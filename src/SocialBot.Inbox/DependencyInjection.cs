using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialBot.Azure.BotConnector;
using SocialBot.Http;
using SocialBot.Inbox.Api;
using SocialBot.Inbox.Identity;

namespace SocialBot.Inbox;

/// <summary>Registers the inbox: options (<c>SocialBot:Inbox</c>), sign-in, the API and page handlers, the dashboard figures.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Needs the engine (<c>AddSocialBotCore</c>) and storage (<c>AddSocialBotStorage</c>, which brings the handoff desk)
    /// registered too; the host then calls <see cref="InboxEndpoints.MapSocialBotInbox"/> (or maps its functions onto
    /// <see cref="InboxApi"/> and <see cref="InboxPages"/>).
    /// </summary>
    public static IServiceCollection AddSocialBotInbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<InboxOptions>().Bind(configuration.GetSection(InboxOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InboxOptions>, InboxOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<InboxOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOutboundHttpClient(BotOpenIdMetadata.HttpClientName, BotOpenIdMetadata.Policy);
        services.TryAddSingleton<IInboxAuthenticator>(sp =>
        {
            var options = sp.GetRequiredService<InboxOptions>();
            var time = sp.GetRequiredService<TimeProvider>();
            var entra = options.EntraConfigured
                ? new EntraTokenValidator(options, new OpenIdKeySource(options.EffectiveMetadataUrl, sp.GetRequiredService<IHttpClientFactory>().CreateClient(BotOpenIdMetadata.HttpClientName), time), time)
                : null;
            return new InboxAuthenticator(options, entra);
        });
        services.TryAddSingleton<InboxStatistics>();
        services.TryAddSingleton<InboxApi>();
        services.TryAddSingleton<InboxPages>();
        return services;
    }
}
