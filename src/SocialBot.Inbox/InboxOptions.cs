namespace SocialBot.Inbox;

/// <summary>The <c>SocialBot:Inbox</c> section: how agents sign in to the web inbox.</summary>
public sealed class InboxOptions
{
    public const string SectionName = "SocialBot:Inbox";

    /// <summary>
    /// The development sign-in (DESIGN.md section 4): <c>/inbox/dev-signin?agent=NAME</c> and the
    /// <c>X-SocialBot-Dev-Agent</c> header, honoured only for loopback requests. Never allowed on Azure.
    /// </summary>
    public bool DevSignIn { get; set; }

    /// <summary>Microsoft Entra ID: the tenant (directory) id whose tokens are accepted.</summary>
    public string? TenantId { get; set; }

    /// <summary>Microsoft Entra ID: the inbox app registration's client id (the tokens' audience).</summary>
    public string? ClientId { get; set; }

    /// <summary>The OpenID metadata document; defaults to the tenant's v2.0 document on login.microsoftonline.com.</summary>
    public string? MetadataUrl { get; set; }

    /// <summary>Seconds between the page's queue refreshes (live updates by polling).</summary>
    public int PollSeconds { get; set; } = 2;

    public bool EntraConfigured => !string.IsNullOrWhiteSpace(TenantId) && !string.IsNullOrWhiteSpace(ClientId);

    public string EffectiveMetadataUrl =>
        string.IsNullOrWhiteSpace(MetadataUrl)
            ? $"https://login.microsoftonline.com/{TenantId}/v2.0/.well-known/openid-configuration"
            : MetadataUrl;
}
