using Microsoft.Extensions.Configuration;

namespace SocialBot.Networks.X;

/// <summary>
/// <c>SocialBot:Networks:X</c>: the account (user id and handle), OAuth 1.0a user-context credentials of the app
/// (consumer key/secret and the account's access token/secret), poll interval and brand search queries. The network
/// is off while no credential is set.
/// </summary>
public sealed class XOptions
{
    public const string SectionName = "SocialBot:Networks:X";

    private static readonly string[] CredentialKeys = ["ConsumerKey", "ConsumerSecret", "AccessToken", "AccessTokenSecret"];

    public string BaseUrl { get; set; } = "https://api.x.com";

    /// <summary>The numeric id of the account whose mentions are read.</summary>
    public string? UserId { get; set; }

    /// <summary>The account's handle (without @); brand searches exclude posts that mention it (those arrive as mentions).</summary>
    public string? Handle { get; set; }

    public string? ConsumerKey { get; set; }

    public string? ConsumerSecret { get; set; }

    public string? AccessToken { get; set; }

    public string? AccessTokenSecret { get; set; }

    /// <summary>Seconds between polls of each feed (mentions, each brand query). X's mention timeline allows few requests per 15 minutes on the lower tiers.</summary>
    public int PollSeconds { get; set; } = 120;

    /// <summary>X search queries (recent search syntax) for posts that name the brand without mentioning the account.</summary>
    public IList<string> BrandQueries { get; } = [];

    /// <summary>Whether any credential is configured (the network is on).</summary>
    public static bool IsConfigured(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return CredentialKeys.Any(key => !string.IsNullOrWhiteSpace(section[key]));
    }
}
