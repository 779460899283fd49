using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SocialBot.Networks.Common;

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

internal sealed class BlueskyOptionsValidator : IValidateOptions<BlueskyOptions>
{
    public ValidateOptionsResult Validate(string? name, BlueskyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        const string Prefix = BlueskyOptions.SectionName + ":";
        NetworkOptionsChecks.AbsoluteHttpUrl(Prefix + "ServiceUrl", options.ServiceUrl, problems);
        NetworkOptionsChecks.Required(Prefix + "Handle", options.Handle, problems);
        if (options.Handle is { Length: > 0 } handle && (handle.Contains(' ', StringComparison.Ordinal) || !handle.TrimStart('@').Contains('.', StringComparison.Ordinal)))
        {
            problems.Add($"{Prefix}Handle: '{handle}' is not a handle like name.bsky.social");
        }

        NetworkOptionsChecks.Required(Prefix + "AppPassword", options.AppPassword, problems);
        NetworkOptionsChecks.PollSeconds(Prefix + "PollSeconds", options.PollSeconds, problems);
        NetworkOptionsChecks.Queries(Prefix + "BrandQueries", options.BrandQueries, 256, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
