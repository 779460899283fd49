using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialBot.Core.Acknowledgements;
using SocialBot.Core.Answers;
using SocialBot.Core.Channels;
using SocialBot.Core.Configuration;
using SocialBot.Core.Hours;
using SocialBot.Core.Mentions;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Triage;

namespace SocialBot.Core;

/// <summary>Registers the engine: configuration, staffed hours, sentiment, triage and the acknowledgement composer.</summary>
public static class DependencyInjection
{
    /// <param name="services">The container.</param>
    /// <param name="configuration">The app's configuration; the embedded defaults fill every <c>SocialBot</c> sub-section it does not set.</param>
    /// <param name="baseDirectory">Where relative paths in the configuration (the holiday calendar) are resolved.</param>
    public static IServiceCollection AddSocialBotCore(this IServiceCollection services, IConfiguration configuration, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var effective = SocialBotConfiguration.WithDefaults(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory, NullLoggerFactory>();
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        services.AddOptions<SocialBotOptions>()
            .Bind(effective.GetSection(SocialBotOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SocialBotOptions>>(new SocialBotOptionsValidator(baseDirectory));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SocialBotOptions>>().Value);
        services.AddSingleton(sp => StaffedHours.Create(sp.GetRequiredService<SocialBotOptions>().StaffedHours, baseDirectory));
        services.AddSingleton(sp => new ChannelCatalog(sp.GetRequiredService<SocialBotOptions>().Channels));
        services.AddSingleton<MentionParser>();
        services.AddSingleton(sp => AcknowledgementTemplates.From(sp.GetRequiredService<SocialBotOptions>().Acknowledgement));
        services.AddSingleton(sp => new AcknowledgementComposer(
            sp.GetRequiredService<AcknowledgementTemplates>(),
            sp.GetRequiredService<SocialBotOptions>().AfterHours,
            sp.GetRequiredService<StaffedHours>(),
            sp.GetRequiredService<ChannelCatalog>(),
            sp.GetRequiredService<DisplayNameGuard>()));
        services.AddSocialBotGreetings(effective);
        services.TryAddSingleton<IConversationHistory, EmptyConversationHistory>();
        services.AddSocialBotAnswers(effective);
        services.AddSingleton<TriagePolicy>();
        services.TryAddKeyedSingleton<ISentimentAnalyzer, EmbeddedSentimentAnalyzer>("embedded");
        services.TryAddSingleton(SelectAnalyzer);
        return services;
    }

    /// <summary>The analyzer named by <c>SocialBot:Sentiment:Analyzer</c>, registered as a keyed <see cref="ISentimentAnalyzer"/>.</summary>
    public static ISentimentAnalyzer SelectAnalyzer(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var name = services.GetRequiredService<SocialBotOptions>().Sentiment.Analyzer.Trim().ToLowerInvariant();
        return services.GetKeyedService<ISentimentAnalyzer>(name)
            ?? throw new SocialBotConfigurationException("SocialBot:Sentiment:Analyzer", $"the '{name}' analyzer is not available in this program (is SocialBot:Language configured?)");
    }
}
