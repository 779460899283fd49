using Microsoft.Extensions.Configuration;

namespace SocialBot.Core.Configuration;

public static class SocialBotConfigurationBuilderExtensions
{
    /// <summary>
    /// Adds the embedded defaults (<see cref="SocialBotDefaultsConfigurationSource"/>) under every other source, once: a
    /// second call does nothing. Each host calls it once (the app's <c>AddSocialBotApp</c>, the CLI, test hosts); nothing
    /// else merges defaults.
    /// </summary>
    /// <remarks>
    /// The source ranks below every other source wherever it sits in the list: it serves a <c>SocialBot</c> sub-section
    /// only when no other source sets any value in it, so there is never a key where it competes. It is therefore
    /// appended, not inserted at index 0: inserting into a <see cref="ConfigurationManager"/> reloads every source
    /// (files, environment) and fails on stream sources, which can be read only once.
    /// </remarks>
    public static IConfigurationBuilder AddSocialBotDefaults(this IConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Sources.Any(source => source is SocialBotDefaultsConfigurationSource))
        {
            builder.Add(new SocialBotDefaultsConfigurationSource());
        }

        return builder;
    }
}
