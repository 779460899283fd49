using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SocialBot.Networks.Meta;

/// <summary>Fails start-up with the <c>SocialBot:Networks:Meta</c> key that is wrong (never its value: most are secrets).</summary>
internal sealed partial class MetaOptionsValidator : IValidateOptions<MetaOptions>
{
    private const string Prefix = MetaOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, MetaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        Require(options.AppSecret, "AppSecret", "the app secret from App settings > Basic", failures);
        Require(options.VerifyToken, "VerifyToken", "the verify token entered in the App Dashboard's webhook settings", failures);
        Require(options.PageAccessToken, "PageAccessToken", "a long-lived Page access token", failures);
        if (string.IsNullOrWhiteSpace(options.PageId) || !NumericId().IsMatch(options.PageId))
        {
            failures.Add($"{Prefix}:PageId must be the Facebook Page's numeric id");
        }

        if (options.InstagramAccountId is { Length: > 0 } instagram && !NumericId().IsMatch(instagram))
        {
            failures.Add($"{Prefix}:InstagramAccountId must be the Instagram professional account's numeric id (or empty)");
        }

        if (!Uri.TryCreate(options.GraphBaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Prefix}:GraphBaseUrl must be an absolute http(s) URL (default https://graph.facebook.com)");
        }

        if (string.IsNullOrWhiteSpace(options.GraphVersion) || !GraphVersionPattern().IsMatch(options.GraphVersion))
        {
            failures.Add($"{Prefix}:GraphVersion must look like {MetaOptions.DefaultGraphVersion}");
        }

        if (!Enum.IsDefined(options.FacebookReplies))
        {
            failures.Add($"{Prefix}:FacebookReplies must be Public, Private or PublicWithoutDetails");
        }

        if (!Enum.IsDefined(options.InstagramReplies))
        {
            failures.Add($"{Prefix}:InstagramReplies must be Public, Private or PublicWithoutDetails");
        }

        if (string.IsNullOrWhiteSpace(options.PrivateReplyNotice) || options.PrivateReplyNotice.Length > 500)
        {
            failures.Add($"{Prefix}:PrivateReplyNotice must be 1..500 characters");
        }

        if (options.MaxWebhookBytes is < 1024 or > 4 * 1024 * 1024)
        {
            failures.Add($"{Prefix}:MaxWebhookBytes must be within 1024..4194304");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(string? value, string key, string what, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Prefix}:{key} is required once the Meta network is configured ({what})");
        }
    }

    [GeneratedRegex("^[0-9]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericId();

    [GeneratedRegex(@"^v[0-9]{1,3}\.[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex GraphVersionPattern();
}
