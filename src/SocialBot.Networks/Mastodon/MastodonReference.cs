using System.Text.Json;
using System.Text.RegularExpressions;

namespace SocialBot.Networks.Mastodon;

/// <summary>The keys of a Mastodon mention's <c>networkReference</c>.</summary>
public static class MastodonReference
{
    public const string StatusId = "statusId";
    public const string Visibility = "visibility";
    public const string Acct = "acct";
}
