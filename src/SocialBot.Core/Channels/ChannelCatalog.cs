using System.Diagnostics.CodeAnalysis;
using SocialBot.Core.Configuration;

namespace SocialBot.Core.Channels;

/// <summary>The channels SocialBot accepts: the built-in ones plus any configured under <c>SocialBot:Channels</c>.</summary>
public sealed class ChannelCatalog
{
    private static readonly ChannelProfile[] BuiltIn =
    [
        new("twitter", 280, true, LengthCounting.TwitterWeighted),
        new("x", 280, true, LengthCounting.TwitterWeighted),
        new("facebook", 8000, true, LengthCounting.Utf16),
        new("instagram", 2200, true, LengthCounting.Utf16),
        new("threads", 500, true, LengthCounting.Graphemes),
        new("bluesky", 300, true, LengthCounting.Graphemes),
        new("mastodon", 500, true, LengthCounting.Graphemes),
        new("linkedin", 1250, true, LengthCounting.Utf16),
        new("youtube", 10000, true, LengthCounting.Utf16),
        new("tiktok", 150, true, LengthCounting.Graphemes),
        new("reddit", 10000, true, LengthCounting.Utf16),
        new("webchat", 4000, false, LengthCounting.Utf16),
        new("directline", 4000, false, LengthCounting.Utf16),
        new("msteams", 4000, false, LengthCounting.Utf16),
        new("slack", 4000, false, LengthCounting.Utf16),
        new("telegram", 4096, false, LengthCounting.Utf16),
        new("whatsapp", 4096, false, LengthCounting.Utf16),
        new("sms", 1600, false, LengthCounting.Utf16),
        new("email", 10000, false, LengthCounting.Utf16),
        new("emulator", 4000, false, LengthCounting.Utf16),
    ];

    private readonly Dictionary<string, ChannelProfile> _profiles;

    public ChannelCatalog(IDictionary<string, ChannelOptions>? overrides = null)
    {
        _profiles = BuiltIn.ToDictionary(profile => profile.Name, StringComparer.OrdinalIgnoreCase);
        if (overrides is null)
        {
            return;
        }

        foreach (var (name, options) in overrides)
        {
            var key = $"SocialBot:Channels:{name}";
            if (string.IsNullOrWhiteSpace(name) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            {
                throw new SocialBotConfigurationException(key, "a channel name uses letters, digits, '-', '_' and '.' only");
            }

            if (options.MaxReplyLength is < 20 or > 100_000)
            {
                throw new SocialBotConfigurationException($"{key}:MaxReplyLength", $"{options.MaxReplyLength} is outside 20..100000");
            }

            _profiles.TryGetValue(name, out var existing);
            _profiles[name] = new ChannelProfile(
                name.ToLowerInvariant(),
                options.MaxReplyLength ?? existing?.MaxReplyLength ?? 1000,
                options.IsPublic ?? existing?.IsPublicByDefault ?? true,
                existing?.Counting ?? LengthCounting.Graphemes);
        }
    }

    public IEnumerable<string> Names => _profiles.Keys.Order(StringComparer.Ordinal);

    public bool TryGet(string name, [NotNullWhen(true)] out ChannelProfile? profile) => _profiles.TryGetValue(name, out profile);

    public ChannelProfile Get(string name) =>
        _profiles.TryGetValue(name, out var profile)
            ? profile
            : throw new KeyNotFoundException($"'{name}' is not a known channel");
}
