using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialBot.Core.Handoffs;
using SocialBot.Http;

namespace SocialBot.Azure.Handoffs;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>The agents' desk over the handoffs table, and escalation notices (queue and webhook).</summary>
    public static IServiceCollection AddSocialBotHandoffs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgentOptions>().Bind(configuration.GetSection(AgentOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EscalationOptions>().Bind(configuration.GetSection(EscalationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<AgentOptions>>().Value);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<EscalationOptions>>().Value);
        services.TryAddSingleton<IHandoffDesk, TableHandoffDesk>();
        services.TryAddSingleton<IEscalationQueue, StorageQueueEscalationQueue>();
        services.AddOutboundHttpClient(HttpEscalationWebhook.HttpClientName, sp => HttpEscalationWebhook.Policy(sp.GetRequiredService<EscalationOptions>()));
        services.TryAddSingleton<IEscalationWebhook>(sp => new HttpEscalationWebhook(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpEscalationWebhook.HttpClientName),
            sp.GetRequiredService<EscalationOptions>()));
        services.TryAddSingleton<EscalationNotifier>();
        services.TryAddSingleton<NotifyEscalationProcessor>();
        return services;
    }
}
