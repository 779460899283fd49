namespace SocialBot.Azure.BotConnector;

/// <summary>The Azure Bot registration and the Bot Connector settings (section <c>SocialBot:Bot</c>).</summary>
public sealed class BotOptions
{
    public const string SectionName = "SocialBot:Bot";

    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public const string DefaultEntraOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>The bot's Microsoft App ID: the audience of inbound tokens and the client id of outbound ones.</summary>
    public string AppId { get; set; } = string.Empty;

    /// <summary>The Entra tenant of the bot's app registration.</summary>
    public string TenantId { get; set; } = string.Empty;

    public BotAppType AppType { get; set; } = BotAppType.SingleTenant;

    /// <summary>Client secret for <see cref="BotAppType.SingleTenant"/>; never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Client id of the user-assigned managed identity for <see cref="BotAppType.UserAssignedMSI"/>.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    public string EntraOpenIdMetadataUrl { get; set; } = DefaultEntraOpenIdMetadataUrl;

    /// <summary>
    /// Extra service URLs the bot may send its token to, beyond the built-in Bot Framework hosts
    /// (see <see cref="BotServiceUrlPolicy"/>): a full host (<c>bots.contoso.example</c>, HTTPS only), an exact origin
    /// (<c>https://bots.contoso.example:8443</c>, or <c>http://</c> on loopback only), or a narrow wildcard under a
    /// known Bot Framework domain (<c>*.europe.botframework.com</c>). Broad wildcards (<c>*.com</c>,
    /// <c>*.contoso.example</c>) are refused at start. Activities whose serviceUrl is not allowed are refused at the door.
    /// </summary>
    public IList<string> AllowedServiceUrls { get; } = [];

    /// <summary>
    /// Caller app ids (the <c>azp</c> or <c>appid</c> claim) accepted on Entra-issued tokens. Empty (the default):
    /// Entra-issued tokens are refused and only Bot Framework-issued ones (<c>https://api.botframework.com</c>) are
    /// accepted. Add the Bot Framework service's app id here when Azure Bot Service sends Entra tokens to this bot.
    /// </summary>
    public IList<string> AllowedEntraCallers { get; } = [];

    /// <summary>
    /// <c>from.id</c> values allowed to send <c>handoff.status</c> events on channels whose clients can post events
    /// themselves (Direct Line, Web Chat, the Emulator). Empty: such events are not accepted there.
    /// </summary>
    public IList<string> HandoffHubIds { get; } = [];

    /// <summary>Whether a handoff also sends a <c>handoff.initiate</c> event to the channel's agent hub.</summary>
    public bool SendHandoffEvents { get; set; }
}
