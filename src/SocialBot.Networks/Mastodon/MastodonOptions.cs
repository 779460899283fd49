using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SocialBot.Networks.Common;

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

internal sealed class MastodonOptionsValidator : IValidateOptions<MastodonOptions>
{
    public ValidateOptionsResult Validate(string? name, MastodonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        const string Prefix = MastodonOptions.SectionName + ":";
        NetworkOptionsChecks.AbsoluteHttpUrl(Prefix + "InstanceUrl", options.InstanceUrl, problems);
        NetworkOptionsChecks.Required(Prefix + "AccessToken", options.AccessToken, problems);
        NetworkOptionsChecks.PollSeconds(Prefix + "PollSeconds", options.PollSeconds, problems);
        NetworkOptionsChecks.Queries(Prefix + "BrandHashtags", options.BrandHashtags, 100, problems);
        for (var i = 0; i < options.BrandHashtags.Count; i++)
        {
            var tag = options.BrandHashtags[i]?.TrimStart('#') ?? "";
            if (tag.Length > 0 && !tag.All(c => char.IsLetterOrDigit(c) || c == '_'))
            {
                problems.Add($"{Prefix}BrandHashtags:{i}: '{tag}' is not a hashtag (letters, digits and _ only)");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
