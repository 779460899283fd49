using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialBot.Core.Configuration;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Sentiment.Cascade;
using SocialBot.Http;

namespace SocialBot.Azure.Language;

public static class LanguageServiceCollectionExtensions
{
    /// <summary>Service key of the Azure AI Language analyzer.</summary>
    public const string AzureAnalyzerKey = AzureLanguageSentimentAnalyzer.AnalyzerName;

    /// <summary>Service key of the cascade (embedded first, Azure for uncertain texts).</summary>
    public const string CascadeAnalyzerKey = CascadeSentimentAnalyzer.AnalyzerName;

    /// <summary>Service key the cascade resolves its local analyzer with; Core registers the embedded analyzer under it.</summary>
    public const string EmbeddedAnalyzerKey = "embedded";

    /// <summary>
    /// Registers <c>SocialBot:Language</c> and <c>SocialBot:Sentiment:Cascade</c> (bound, validated at start naming the
    /// wrong key), the keyed <see cref="ISentimentAnalyzer"/> <c>"azure"</c>, and the keyed <c>"cascade"</c> (which needs
    /// a keyed <c>"embedded"</c> analyzer when resolved). A <see cref="TokenCredential"/> in the container, when there
    /// is one, is used for Entra ID auth instead of the default credential.
    /// </summary>
    public static IServiceCollection AddSocialBotLanguage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<LanguageOptions>().Bind(configuration.GetSection(LanguageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LanguageOptions>>(new LanguageOptionsValidator(configuration)));
        services.AddOptions<CascadeOptions>().Bind(configuration.GetSection(CascadeOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CascadeOptions>, CascadeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddOutboundTransportClient(LanguagePipeline.HttpClientName);

        services.AddKeyedSingleton<ISentimentAnalyzer>(AzureAnalyzerKey, (provider, _) =>
        {
            LanguageOptions options = provider.GetRequiredService<IOptions<LanguageOptions>>().Value;
            return new AzureLanguageSentimentAnalyzer(
                options,
                LanguagePipeline.Create(
                    options,
                    provider.GetService<TokenCredential>(),
                    Transport(provider)),
                LoggerFor<AzureLanguageSentimentAnalyzer>(provider));
        });
        services.AddKeyedSingleton<ISentimentAnalyzer>(CascadeAnalyzerKey, (provider, _) =>
        {
            CascadeOptions options = provider.GetRequiredService<IOptions<CascadeOptions>>().Value;
            return new CascadeSentimentAnalyzer(
                provider.GetKeyedService<ISentimentAnalyzer>(options.Local)
                    ?? throw new SocialBotConfigurationException($"{CascadeOptions.SectionName}:Local", $"the '{options.Local}' analyzer is not available in this program (the models are not registered); use 'embedded'"),
                provider.GetRequiredKeyedService<ISentimentAnalyzer>(AzureAnalyzerKey),
                options,
                provider.GetRequiredService<TimeProvider>(),
                LoggerFor<CascadeSentimentAnalyzer>(provider));
        });

        // The same instance, for callers that want its statistics (eval, status).
        services.AddSingleton(provider => (CascadeSentimentAnalyzer)provider.GetRequiredKeyedService<ISentimentAnalyzer>(CascadeAnalyzerKey));
        return services;
    }

    /// <summary>An Azure SDK transport over the <see cref="LanguagePipeline.HttpClientName"/> client (redirects off; Azure.Core retries).</summary>
    private static HttpClientTransport Transport(IServiceProvider provider)
    {
        HttpClientTransport transport = new(provider.GetRequiredService<IHttpClientFactory>().CreateClient(LanguagePipeline.HttpClientName));
        return transport;
    }

    private static ILogger<T> LoggerFor<T>(IServiceProvider provider) =>
        provider.GetService<ILogger<T>>() ?? NullLogger<T>.Instance;
}
