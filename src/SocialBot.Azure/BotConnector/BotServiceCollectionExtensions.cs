using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialBot.Azure.Http;
using SocialBot.Core.Channels;
using SocialBot.Core.Mentions;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;

namespace SocialBot.Azure.BotConnector;

public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Bot Framework channel: <see cref="BotOptions"/> (validated at start), the inbound
    /// <see cref="BotActivityIngress"/> with its token validator and mapper, the <c>botconnector</c>
    /// <see cref="IReplyChannel"/> and the <see cref="HandoffEventSender"/>.
    /// </summary>
    public static IServiceCollection AddSocialBotBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new ChannelCatalog());
        services.TryAddSingleton<MentionParser>();

        services.TryAddSingleton(provider => BotOpenIdMetadata.Create(Options(provider), CreateHttpClient(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<BotTokenValidator>();
        services.TryAddSingleton<ActivityMapper>();
        services.TryAddSingleton<BotActivityIngress>();

        services.TryAddSingleton(provider => new BotServiceUrlPolicy(Options(provider).AllowedServiceUrls));
        services.TryAddSingleton(new ConnectorRetryPolicy());
        services.TryAddSingleton(provider => new BotConnectorTokenProvider(
            CreateCredential(Options(provider)),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<BotConnectorTokenProvider>>()));
        services.TryAddSingleton(provider => new BotConnectorClient(
            CreateHttpClient(),
            provider.GetRequiredService<BotConnectorTokenProvider>(),
            provider.GetRequiredService<BotServiceUrlPolicy>(),
            provider.GetRequiredService<ConnectorRetryPolicy>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<BotConnectorClient>>()));
        services.TryAddSingleton<BotConnectorReplyChannel>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReplyChannel, BotConnectorReplyChannel>(provider => provider.GetRequiredService<BotConnectorReplyChannel>()));
        services.TryAddSingleton(provider => new HandoffEventSender(
            provider.GetRequiredService<BotConnectorClient>(),
            provider.GetRequiredService<IOptions<BotOptions>>(),
            provider.GetRequiredService<ILogger<HandoffEventSender>>()));
        services.AddSingleton<IHandoffAnnouncer, BotHandoffAnnouncer>();
        return services;
    }

    /// <summary>The bot's credential: its client secret (single tenant) or its user-assigned managed identity; redirects off.</summary>
    internal static TokenCredential CreateCredential(BotOptions options) => options.AppType switch
    {
        BotAppType.UserAssignedMSI => new ManagedIdentityCredential(
            new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId!)) { Transport = OutboundHttp.CreateTransport() }),
        _ => new ClientSecretCredential(options.TenantId, options.AppId, options.ClientSecret, new ClientSecretCredentialOptions { Transport = OutboundHttp.CreateTransport() }),
    };

    private static BotOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<BotOptions>>().Value;

    /// <summary>A long-lived client that never follows redirects and recycles its connections.</summary>
    private static HttpClient CreateHttpClient() => OutboundHttp.CreateClient(TimeSpan.FromSeconds(30));
}
