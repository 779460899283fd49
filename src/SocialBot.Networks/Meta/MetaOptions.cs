namespace SocialBot.Networks.Meta;

/// <summary>
/// <c>SocialBot:Networks:Meta</c>: a Facebook Page and (optionally) the Instagram professional account linked to it.
/// The network is off while none of <see cref="AppSecret"/>, <see cref="VerifyToken"/>, <see cref="PageId"/> and
/// <see cref="PageAccessToken"/> is set; once one is set, all four are required (validated at start, naming the key).
/// </summary>
public sealed class MetaOptions
{
    public const string SectionName = "SocialBot:Networks:Meta";

    public const string DefaultGraphVersion = "v24.0";

    /// <summary>The Graph API host; tests point it at a fake.</summary>
    public string GraphBaseUrl { get; set; } = "https://graph.facebook.com";

    /// <summary>The Graph API version in every request path (<c>v24.0</c>).</summary>
    public string GraphVersion { get; set; } = DefaultGraphVersion;

    /// <summary>The app secret: signs webhook deliveries (X-Hub-Signature-256) and our calls (appsecret_proof). A secret.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The token Meta echoes in the subscription handshake (chosen by you in the App Dashboard). A secret.</summary>
    public string? VerifyToken { get; set; }

    /// <summary>The Facebook Page's id.</summary>
    public string? PageId { get; set; }

    /// <summary>A long-lived Page access token with the permissions in docs/networks-meta.md. A secret.</summary>
    public string? PageAccessToken { get; set; }

    /// <summary>The Instagram professional account linked to the Page; without it Instagram webhooks are ignored.</summary>
    public string? InstagramAccountId { get; set; }

    /// <summary>How replies to Facebook comments are delivered.</summary>
    public MetaReplyPolicy FacebookReplies { get; set; } = MetaReplyPolicy.Public;

    /// <summary>How replies to Instagram comments are delivered.</summary>
    public MetaReplyPolicy InstagramReplies { get; set; } = MetaReplyPolicy.Public;

    /// <summary>The public comment posted under <see cref="MetaReplyPolicy.PublicWithoutDetails"/>: no details, only a pointer to the private message.</summary>
    public string PrivateReplyNotice { get; set; } = "Thanks for reaching out! We've sent you a private message.";

    /// <summary>Largest webhook body accepted, in bytes; a larger one is refused before it is read in full.</summary>
    public int MaxWebhookBytes { get; set; } = 512 * 1024;

    /// <summary>Whether any credential is set: the network is on (and then validated).</summary>
    public bool IsEnabled =>
        !string.IsNullOrWhiteSpace(AppSecret) || !string.IsNullOrWhiteSpace(VerifyToken)
        || !string.IsNullOrWhiteSpace(PageId) || !string.IsNullOrWhiteSpace(PageAccessToken);

    public bool InstagramEnabled => !string.IsNullOrWhiteSpace(InstagramAccountId);

    public MetaReplyPolicy PolicyFor(string channel) =>
        string.Equals(channel, MetaChannels.Instagram, StringComparison.OrdinalIgnoreCase) ? InstagramReplies : FacebookReplies;
}

/// <summary>Where a reply to a Facebook or Instagram comment goes.</summary>
public enum MetaReplyPolicy
{
    /// <summary>A public reply in the comment thread. A reply marked not public (it holds personal details) goes privately instead.</summary>
    Public,

    /// <summary>Only a private reply (Messenger / Instagram Direct, one per comment, within 7 days); nothing public.</summary>
    Private,

    /// <summary>The reply privately, plus a short public notice in the thread (<see cref="MetaOptions.PrivateReplyNotice"/>) without any details.</summary>
    PublicWithoutDetails,
}

/// <summary>The channel names of Meta's mentions and the keys of their network reference.</summary>
public static class MetaChannels
{
    public const string Facebook = "facebook";
    public const string Instagram = "instagram";

    public static bool IsMeta(string? channel) =>
        string.Equals(channel, Facebook, StringComparison.OrdinalIgnoreCase)
        || string.Equals(channel, Instagram, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Keys of <c>Mention.NetworkReference</c> for Meta mentions (opaque to Core).</summary>
public static class MetaReferenceKeys
{
    /// <summary><c>facebook</c> or <c>instagram</c>.</summary>
    public const string Kind = "kind";

    /// <summary>The comment that is answered.</summary>
    public const string CommentId = "commentId";

    /// <summary>The comment it replies to (a nested comment), if any.</summary>
    public const string ParentId = "parentId";

    /// <summary>The Facebook post or the Instagram media.</summary>
    public const string PostId = "postId";

    /// <summary>The Page (Facebook) or Instagram account (Instagram) that received the comment.</summary>
    public const string AccountId = "accountId";

    /// <summary>The commenter's Page-scoped / Instagram-scoped id.</summary>
    public const string CommenterId = "commenterId";
}
