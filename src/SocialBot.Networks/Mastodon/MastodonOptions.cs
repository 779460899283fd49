using Microsoft.Extensions.Configuration;

namespace SocialBot.Networks.Mastodon;

/// <summary>
/// <c>SocialBot:Networks:Mastodon</c>: the instance, an access token of the account (an application created under
/// Preferences → Development with scopes <c>read:notifications read:statuses read:accounts write:statuses</c>), poll
/// interval and brand hashtags. The network is off while no access token is set.
/// </summary>
public sealed class MastodonOptions
{
    public const string SectionName = "SocialBot:Networks:Mastodon";

    /// <summary>The account's instance, e.g. <c>https://mastodon.social</c>.</summary>
    public string? InstanceUrl { get; set; }

    public string? AccessToken { get; set; }

    public int PollSeconds { get; set; } = 30;

    /// <summary>Hashtags (without #) whose public timelines are watched for posts that name the brand.</summary>
    public IList<string> BrandHashtags { get; } = [];

    public static bool IsConfigured(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return !string.IsNullOrWhiteSpace(section["AccessToken"]);
    }
}
