using Microsoft.Extensions.Configuration;

namespace SocialBot.Core.Configuration;

/// <summary>
/// The embedded defaults (Configuration/defaults.json, a complete runnable configuration) as a configuration source. Added
/// once, at the bottom of a host's configuration by
/// <see cref="SocialBotConfigurationBuilderExtensions.AddSocialBotDefaults"/>, so every other source overrides it.
/// A sub-section of <c>SocialBot</c> (<c>SocialBot:StaffedHours</c>, <c>SocialBot:OwnAccounts</c> …) that any other
/// source sets replaces the default sub-section whole: a team that lists its own <c>Weekly</c> hours never inherits a
/// default Saturday, and arrays never merge index by index with the defaults.
/// </summary>
public sealed class SocialBotDefaultsConfigurationSource : IConfigurationSource
{
    private const string DefaultsResource = "SocialBot.Core.Configuration.defaults.json";

    /// <summary>The embedded defaults as flat configuration keys (<c>SocialBot:Queues:Mentions</c> → <c>mentions</c>).</summary>
    public static IReadOnlyDictionary<string, string?> Values { get; } = LoadDefaults();

    public IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder is IConfigurationRoot root)
        {
            // A ConfigurationManager (every host builder): the live providers, so later sources and reloads count.
            return new SocialBotDefaultsConfigurationProvider(() => root.Providers);
        }

        // A plain ConfigurationBuilder: it hands its root to nobody, so the provider builds its own view of the other
        // sources the first time it is asked (a snapshot: reloads of those sources are not seen here).
        var others = new Lazy<IReadOnlyList<IConfigurationProvider>>(() => BuildOthers(builder));
        return new SocialBotDefaultsConfigurationProvider(() => others.Value);
    }

    private static List<IConfigurationProvider> BuildOthers(IConfigurationBuilder builder)
    {
        var providers = new List<IConfigurationProvider>();
        foreach (var source in builder.Sources.Where(source => source is not SocialBotDefaultsConfigurationSource).ToList())
        {
            var provider = source.Build(builder);
            provider.Load();
            providers.Add(provider);
        }

        return providers;
    }

    private static Dictionary<string, string?> LoadDefaults()
    {
        using var stream = typeof(SocialBotDefaultsConfigurationSource).Assembly.GetManifestResourceStream(DefaultsResource)
            ?? throw new InvalidOperationException($"Embedded resource {DefaultsResource} is missing.");
        var configuration = new ConfigurationBuilder().AddJsonStream(stream).Build();
        return configuration.AsEnumerable()
            .Where(pair => pair.Value is not null)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
    }
}
