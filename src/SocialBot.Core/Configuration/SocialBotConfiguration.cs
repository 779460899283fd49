using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace SocialBot.Core.Configuration;

/// <summary>
/// Builds the effective configuration: the embedded defaults (a complete, runnable configuration) under what the user gave.
/// A sub-section of <c>SocialBot</c> that the user sets replaces the default sub-section whole, so a team that lists its
/// own <c>Weekly</c> hours never inherits a default Saturday, and arrays never merge index by index.
/// </summary>
public static class SocialBotConfiguration
{
    private const string DefaultsResource = "SocialBot.Core.Configuration.defaults.json";

    /// <summary>The embedded defaults as flat configuration keys.</summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = LoadDefaults();

    /// <summary>Adds the embedded defaults for every <c>SocialBot</c> sub-section the given configuration does not set.</summary>
    public static IConfiguration WithDefaults(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new ConfigurationBuilder()
            .AddInMemoryCollection(DefaultsMissingFrom(configuration))
            .AddConfiguration(configuration)
            .Build();
    }

    /// <summary>The default keys whose sub-section (<c>SocialBot:X</c>) has no key in <paramref name="configuration"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> DefaultsMissingFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var userSections = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in configuration.GetSection(SocialBotOptions.SectionName).GetChildren())
        {
            if (child.Value is not null || child.GetChildren().Any())
            {
                userSections.Add(child.Key);
            }
        }

        foreach (var pair in Defaults)
        {
            var section = SubSectionOf(pair.Key);
            if (section is null || !userSections.Contains(section))
            {
                yield return pair;
            }
        }
    }

    private static string? SubSectionOf(string key)
    {
        var parts = key.Split(':');
        return parts.Length >= 2 && string.Equals(parts[0], SocialBotOptions.SectionName, StringComparison.OrdinalIgnoreCase)
            ? parts[1]
            : null;
    }

    private static Dictionary<string, string?> LoadDefaults()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DefaultsResource)
            ?? throw new InvalidOperationException($"Embedded resource {DefaultsResource} is missing.");
        var configuration = new ConfigurationBuilder().AddJsonStream(stream).Build();
        return configuration.AsEnumerable()
            .Where(pair => pair.Value is not null)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
    }
}
