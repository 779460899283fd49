using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialBot.Core.Configuration;
using SocialBot.Core.Embeddings;
using SocialBot.Core.Hours;

namespace SocialBot.Core.Answers;

/// <summary>Registers quick answers: <c>SocialBot:Answers</c> (validated at start), the matcher and <see cref="QuickAnswers"/>.</summary>
public static class AnswersServiceCollectionExtensions
{
    /// <param name="services">The container.</param>
    /// <param name="configuration">The effective configuration (embedded defaults included).</param>
    public static IServiceCollection AddSocialBotAnswers(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AnswersOptions>()
            .Bind(configuration.GetSection(AnswersOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AnswersOptions>, AnswersOptionsValidator>();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<AnswersOptions>>().Value);
        services.TryAddSingleton(sp => AnswerKnowledge.From(sp.GetRequiredService<AnswersOptions>()));
        services.TryAddSingleton(CreateMatcher);
        services.TryAddSingleton(sp => new QuickAnswers(
            sp.GetRequiredService<AnswerKnowledge>(),
            sp.GetRequiredService<IAnswerMatcher>(),
            sp.GetRequiredService<AnswersOptions>(),
            sp.GetRequiredService<StaffedHours>()));
        return services;
    }

    /// <summary>
    /// BM25 by default; the semantic matcher over the process's one <see cref="ITextEmbedder"/> when
    /// <c>SocialBot:Answers:Matcher</c> is <c>semantic</c> and an embedder is registered.
    /// </summary>
    public static IAnswerMatcher CreateMatcher(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<AnswersOptions>();
        var knowledge = services.GetRequiredService<AnswerKnowledge>();
        var semantic = string.Equals(options.Matcher, "semantic", StringComparison.OrdinalIgnoreCase);
        return semantic && services.GetService<ITextEmbedder>() is { } embedder
            ? new SemanticAnswerMatcher(knowledge, embedder, options.Semantic)
            : new LexicalAnswerMatcher(knowledge, options.Lexical);
    }
}

/// <summary>Fails start-up with the first wrong key of <c>SocialBot:Answers</c>.</summary>
internal sealed class AnswersOptionsValidator : IValidateOptions<AnswersOptions>
{
    public ValidateOptionsResult Validate(string? name, AnswersOptions options)
    {
        try
        {
            _ = AnswerKnowledge.From(options);
            return ValidateOptionsResult.Success;
        }
        catch (SocialBotConfigurationException exception)
        {
            return ValidateOptionsResult.Fail(exception.Message);
        }
    }
}
