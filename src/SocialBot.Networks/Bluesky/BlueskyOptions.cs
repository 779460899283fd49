using Microsoft.Extensions.Configuration;

namespace SocialBot.Networks.Bluesky;

/// <summary>
/// <c>SocialBot:Networks:Bluesky</c>: the account's PDS (<c>ServiceUrl</c>), handle and an app password, poll interval
/// and brand search queries. The network is off while no app password is set.
/// </summary>
public sealed class BlueskyOptions
{
    public const string SectionName = "SocialBot:Networks:Bluesky";

    public string ServiceUrl { get; set; } = "https://bsky.social";

    /// <summary>The account's handle, e.g. <c>markethall.bsky.social</c> (without @).</summary>
    public string? Handle { get; set; }

    /// <summary>An app password (Settings → Privacy and security → App passwords), never the account password.</summary>
    public string? AppPassword { get; set; }

    public int PollSeconds { get; set; } = 30;

    /// <summary><c>app.bsky.feed.searchPosts</c> queries for posts that name the brand without mentioning the account.</summary>
    public IList<string> BrandQueries { get; } = [];

    public static bool IsConfigured(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return !string.IsNullOrWhiteSpace(section["AppPassword"]);
    }
}
