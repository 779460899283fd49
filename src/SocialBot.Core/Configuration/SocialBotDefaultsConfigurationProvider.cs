using Microsoft.Extensions.Configuration;

namespace SocialBot.Core.Configuration;

/// <summary>
/// Serves the embedded defaults, except under a <c>SocialBot</c> sub-section that another provider sets (any non-null
/// value at or under <c>SocialBot:Section</c>): that sub-section is then entirely the other sources'.
/// </summary>
internal sealed class SocialBotDefaultsConfigurationProvider : ConfigurationProvider
{
    private readonly Func<IEnumerable<IConfigurationProvider>> _providers;

    public SocialBotDefaultsConfigurationProvider(Func<IEnumerable<IConfigurationProvider>> providers)
    {
        _providers = providers;
    }

    public override void Load() =>
        Data = new Dictionary<string, string?>(SocialBotDefaultsConfigurationSource.Values, StringComparer.OrdinalIgnoreCase);

    public override bool TryGet(string key, out string? value)
    {
        if (IsReplaced(key))
        {
            value = null;
            return false;
        }

        return base.TryGet(key, out value);
    }

    public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
    {
        var own = base.GetChildKeys([], parentPath)
            .Where(child => !IsReplaced(parentPath is null ? child : ConfigurationPath.Combine(parentPath, child)));
        var keys = own.Concat(earlierKeys).ToList();
        keys.Sort(ConfigurationKeyComparer.Instance);
        return keys;
    }

    /// <summary>The <c>SocialBot:Section</c> a key belongs to, or null for <c>SocialBot</c> itself and keys outside it.</summary>
    internal static string? SubSectionOf(string key)
    {
        var first = key.IndexOf(ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
        if (first < 0 || !key.AsSpan(0, first).Equals(SocialBotOptions.SectionName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var second = key.IndexOf(ConfigurationPath.KeyDelimiter, first + 1, StringComparison.Ordinal);
        return second < 0 ? key : key[..second];
    }

    private bool IsReplaced(string key)
    {
        var section = SubSectionOf(key);
        if (section is null)
        {
            return false;
        }

        foreach (var provider in _providers())
        {
            // Another defaults provider (the source added twice, or a chained copy) never counts as the user's.
            if (provider is SocialBotDefaultsConfigurationProvider || ReferenceEquals(provider, this))
            {
                continue;
            }

            if (HasValueAtOrUnder(provider, section))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasValueAtOrUnder(IConfigurationProvider provider, string path)
    {
        if (provider.TryGet(path, out var value) && value is not null)
        {
            return true;
        }

        foreach (var child in provider.GetChildKeys([], path).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (HasValueAtOrUnder(provider, ConfigurationPath.Combine(path, child)))
            {
                return true;
            }
        }

        return false;
    }
}
