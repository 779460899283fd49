using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialBot.Core.Embeddings;
using SocialBot.Core.Sentiment;
using SocialBot.Models.Embeddings;
using SocialBot.Models.Sentiment;

namespace SocialBot.Models;

/// <summary>Registers the models that need ONNX Runtime: the shared sentence embedder and the hybrid sentiment analyzer.</summary>
public static class DependencyInjection
{
    /// <summary>Service key of the hybrid analyzer (lexicon fast path, then the trained head).</summary>
    public const string HybridAnalyzerKey = HybridSentimentAnalyzer.AnalyzerName;

    /// <summary>
    /// Binds and validates <c>SocialBot:Embeddings</c> and <c>SocialBot:Sentiment:Hybrid</c>; registers one
    /// <see cref="MiniLmTextEmbedder"/> as the process's <see cref="ITextEmbedder"/> (the model loads on first use only)
    /// and the keyed <see cref="ISentimentAnalyzer"/> <c>"hybrid"</c>. Call after <c>AddSocialBotCore</c>.
    /// </summary>
    public static IServiceCollection AddSocialBotEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EmbeddingOptions>().Bind(configuration.GetSection(EmbeddingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>());
        services.AddOptions<HybridOptions>().Bind(configuration.GetSection(HybridOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HybridOptions>, HybridOptionsValidator>());

        services.TryAddSingleton(provider => new MiniLmTextEmbedder(
            provider.GetRequiredService<IOptions<EmbeddingOptions>>().Value,
            provider.GetService<ILogger<MiniLmTextEmbedder>>() ?? NullLogger<MiniLmTextEmbedder>.Instance));
        services.TryAddSingleton<ITextEmbedder>(provider => provider.GetRequiredService<MiniLmTextEmbedder>());
        services.TryAddSingleton(provider =>
        {
            var file = provider.GetRequiredService<IOptions<HybridOptions>>().Value.WeightsFile;
            if (file is null)
            {
                return HybridHead.LoadShipped();
            }

            using var stream = File.OpenRead(file);
            return HybridHead.Load(stream);
        });
        services.TryAddKeyedSingleton<ISentimentAnalyzer>(HybridAnalyzerKey, (provider, _) => new HybridSentimentAnalyzer(
            provider.GetRequiredService<ITextEmbedder>(),
            provider.GetRequiredService<HybridHead>(),
            provider.GetRequiredKeyedService<ISentimentAnalyzer>("embedded") as EmbeddedSentimentAnalyzer ?? new EmbeddedSentimentAnalyzer(),
            provider.GetRequiredService<IOptions<HybridOptions>>().Value.LexiconSure));
        return services;
    }
}
