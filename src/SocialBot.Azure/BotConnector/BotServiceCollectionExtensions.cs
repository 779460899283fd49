using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialBot.Core.Channels;
using SocialBot.Core.Mentions;
using SocialBot.Core.Processing;
using SocialBot.Core.Replies;
using SocialBot.Http;

namespace SocialBot.Azure.BotConnector;

public static class BotServiceCollectionExtensions
{
    /// <summary>The named client under the bot credential's Azure.Core transport (token requests to Entra ID or the managed identity endpoint).</summary>
    public const string CredentialHttpClientName = "SocialBot.BotConnector.Credential";

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

        services.AddOutboundHttpClient(BotOpenIdMetadata.HttpClientName, BotOpenIdMetadata.Policy);
        services.AddOutboundHttpClient(BotConnectorClient.HttpClientName, BotConnectorClient.Policy);
        services.AddOutboundTransportClient(CredentialHttpClientName);
        services.TryAddSingleton(provider => BotOpenIdMetadata.Create(Options(provider), HttpClient(provider, BotOpenIdMetadata.HttpClientName), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<BotTokenValidator>();
        services.TryAddSingleton<ActivityMapper>();
        services.TryAddSingleton<BotActivityIngress>();

        services.TryAddSingleton(provider => new BotServiceUrlPolicy(Options(provider).AllowedServiceUrls));
        services.TryAddSingleton(provider => new BotConnectorTokenProvider(
            CreateCredential(Options(provider), Transport(provider, CredentialHttpClientName)),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<BotConnectorTokenProvider>>()));
        services.TryAddSingleton(provider => new BotConnectorClient(
            HttpClient(provider, BotConnectorClient.HttpClientName),
            provider.GetRequiredService<BotConnectorTokenProvider>(),
            provider.GetRequiredService<BotServiceUrlPolicy>(),
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

    /// <summary>
    /// The bot's credential: its client secret (single tenant) or its user-assigned managed identity, over
    /// <paramref name="transport"/> (the <see cref="CredentialHttpClientName"/> client: redirects off; Azure.Core retries).
    /// </summary>
    internal static TokenCredential CreateCredential(BotOptions options, HttpPipelineTransport transport) => options.AppType switch
    {
        BotAppType.UserAssignedMSI => new ManagedIdentityCredential(
            new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId!)) { Transport = transport }),
        _ => new ClientSecretCredential(options.TenantId, options.AppId, options.ClientSecret, new ClientSecretCredentialOptions { Transport = transport }),
    };

    private static BotOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<BotOptions>>().Value;

    /// <summary>
    /// A client from the factory, held by a singleton: its handler is not rotated, which is safe because the primary
    /// handler recycles pooled connections itself (<see cref="OutboundHttp.PooledConnectionLifetime"/>).
    /// </summary>
    private static HttpClient HttpClient(IServiceProvider provider, string name) =>
        provider.GetRequiredService<IHttpClientFactory>().CreateClient(name);

    /// <summary>An Azure SDK transport over the named client (redirects off; Azure.Core keeps its own retries).</summary>
    private static HttpClientTransport Transport(IServiceProvider provider, string name)
    {
        HttpClientTransport transport = new(HttpClient(provider, name));
        return transport;
    }
}
