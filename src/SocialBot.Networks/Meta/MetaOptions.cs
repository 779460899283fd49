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
