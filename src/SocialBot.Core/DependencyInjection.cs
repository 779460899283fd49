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
using SocialBot.Core.Embeddings;
using SocialBot.Core.Hours;
using SocialBot.Core.Mentions;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Triage;

namespace SocialBot.Core;

/// <summary>Registers the engine: configuration, staffed hours, sentiment, triage and the acknowledgement composer.</summary>
public static class DependencyInjection
{
    /// <param name="services">The container.</param>
    /// <param name="configuration">
    /// The app's configuration, with the embedded defaults at its bottom (<see cref="SocialBotConfigurationBuilderExtensions.AddSocialBotDefaults"/>,
    /// added once by the host); registered as the container's <see cref="IConfiguration"/> when the container has none.
    /// </param>
    /// <param name="baseDirectory">Where relative paths in the configuration (the holiday calendar) are resolved.</param>
    public static IServiceCollection AddSocialBotCore(this IServiceCollection services, IConfiguration configuration, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory, NullLoggerFactory>();
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        services.AddSocialBotOptions(baseDirectory);
        services.AddSingleton(sp => StaffedHours.Create(sp.GetRequiredService<StaffedHoursOptions>(), baseDirectory));
        services.AddSingleton(sp => new ChannelCatalog(sp.GetRequiredService<SocialBotOptions>().Channels));
        services.AddSingleton<MentionParser>();
        services.AddSingleton(sp => AcknowledgementTemplates.From(sp.GetRequiredService<AcknowledgementOptions>()));
        services.AddSingleton(sp => new AcknowledgementComposer(
            sp.GetRequiredService<AcknowledgementTemplates>(),
            sp.GetRequiredService<AfterHoursOptions>(),
            sp.GetRequiredService<StaffedHours>(),
            sp.GetRequiredService<ChannelCatalog>(),
            sp.GetRequiredService<DisplayNameGuard>()));
        services.AddSingleton(sp => new DisplayNameGuard(sp.GetRequiredService<GreetingOptions>()));
        services.TryAddSingleton<IConversationHistory, EmptyConversationHistory>();
        AddAnswers(services);
        services.AddSingleton<TriagePolicy>();
        services.TryAddKeyedSingleton<ISentimentAnalyzer, EmbeddedSentimentAnalyzer>("embedded");
        services.TryAddSingleton(SelectAnalyzer);
        return services;
    }

    /// <summary>
    /// The core configuration sections, one options class each, bound with <c>BindConfiguration</c> from the container's
    /// <see cref="IConfiguration"/>, validated at start (annotations through source-generated validators; an
    /// <see cref="IValidateOptions{TOptions}"/> where a rule needs more) and registered as instances too, so a class takes
    /// the one section it needs. <see cref="SocialBotOptions"/> holds the same instances plus the section's own keys.
    /// </summary>
    public static IServiceCollection AddSocialBotOptions(this IServiceCollection services, string? baseDirectory = null)
    {
        services.AddSocialBotSection<StaffedHoursOptions>(StaffedHoursOptions.SectionName, new StaffedHoursOptionsValidator(baseDirectory));
        services.AddSocialBotSection<AfterHoursOptions>(AfterHoursOptions.SectionName, new AfterHoursOptionsValidator());
        services.AddSocialBotSection<TriageOptions>(TriageOptions.SectionName, new TriageOptionsValidator());
        services.AddSocialBotSection<SentimentOptions>(SentimentOptions.SectionName, new SentimentOptionsValidator());
        services.AddSocialBotSection<QueueNamesOptions>(QueueNamesOptions.SectionName, new QueueNamesOptionsValidator());
        services.AddSocialBotSection<AcknowledgementOptions>(AcknowledgementOptions.SectionName, new AcknowledgementOptionsValidator());
        services.AddSocialBotSection<GreetingOptions>(GreetingOptions.SectionName, new GreetingOptionsValidator());
        services.AddSocialBotSection<AnswersOptions>(AnswersOptions.SectionName, new AnswersOptionsValidator());
        services.AddSocialBotSection<SocialBotOptions>(SocialBotOptions.SectionName, new SocialBotOptionsValidator())
            .Configure<IOptions<StaffedHoursOptions>, IOptions<AfterHoursOptions>, IOptions<TriageOptions>, IOptions<SentimentOptions>, IOptions<QueueNamesOptions>>(
                (options, staffedHours, afterHours, triage, sentiment, queues) =>
                {
                    options.StaffedHours = staffedHours.Value;
                    options.AfterHours = afterHours.Value;
                    options.Triage = triage.Value;
                    options.Sentiment = sentiment.Value;
                    options.Queues = queues.Value;
                })
            .Configure<IOptions<AcknowledgementOptions>>((options, acknowledgement) => options.Acknowledgement = acknowledgement.Value);
        return services;
    }

    /// <summary>
    /// One configuration section as one options class: bound with <c>BindConfiguration(sectionName)</c> from the
    /// container's <see cref="IConfiguration"/>, checked by <paramref name="validator"/> (wrapped so each failure names
    /// its full key) when the app starts (<c>ValidateOnStart</c>), and registered as the instance too, so a consumer can
    /// take <typeparamref name="TOptions"/> itself. For sections of other projects as much as Core's.
    /// </summary>
    public static OptionsBuilder<TOptions> AddSocialBotSection<TOptions>(this IServiceCollection services, string sectionName, IValidateOptions<TOptions> validator)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new KeyNamingOptionsValidator<TOptions>(sectionName, validator));
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
    }

    /// <summary>Quick answers: the knowledge list from <c>SocialBot:Answers</c>, the matcher and <see cref="QuickAnswers"/>.</summary>
    private static void AddAnswers(IServiceCollection services)
    {
        services.TryAddSingleton(sp => AnswerKnowledge.From(sp.GetRequiredService<AnswersOptions>()));
        services.TryAddSingleton(CreateAnswerMatcher);
        services.TryAddSingleton(sp => new QuickAnswers(
            sp.GetRequiredService<AnswerKnowledge>(),
            sp.GetRequiredService<IAnswerMatcher>(),
            sp.GetRequiredService<AnswersOptions>(),
            sp.GetRequiredService<StaffedHours>()));
    }

    /// <summary>
    /// BM25 by default; the semantic matcher over the process's one <see cref="ITextEmbedder"/> when
    /// <c>SocialBot:Answers:Matcher</c> is <c>semantic</c> and an embedder is registered.
    /// </summary>
    private static IAnswerMatcher CreateAnswerMatcher(IServiceProvider services)
    {
        var options = services.GetRequiredService<AnswersOptions>();
        var knowledge = services.GetRequiredService<AnswerKnowledge>();
        var semantic = string.Equals(options.Matcher, "semantic", StringComparison.OrdinalIgnoreCase);
        return semantic && services.GetService<ITextEmbedder>() is { } embedder
            ? new SemanticAnswerMatcher(knowledge, embedder, options.Semantic)
            : new LexicalAnswerMatcher(knowledge, options.Lexical);
    }

    /// <summary>The analyzer named by <c>SocialBot:Sentiment:Analyzer</c>, registered as a keyed <see cref="ISentimentAnalyzer"/>.</summary>
    public static ISentimentAnalyzer SelectAnalyzer(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var name = services.GetRequiredService<SentimentOptions>().Analyzer.Trim().ToLowerInvariant();
        return services.GetKeyedService<ISentimentAnalyzer>(name)
            ?? throw new SocialBotConfigurationException("SocialBot:Sentiment:Analyzer", $"the '{name}' analyzer is not available in this program (is SocialBot:Language configured?)");
    }
}
