using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SocialBot.Azure.BotConnector;

/// <summary>
/// The two OpenID metadata documents inbound tokens are checked against: the Bot Framework's (tokens issued by
/// <c>https://api.botframework.com</c>, keys with channel endorsements) and Entra ID's (tokens issued by a tenant).
/// Keys are cached and refreshed automatically; a token signed by an unknown key asks for a refresh.
/// </summary>
public sealed class BotOpenIdMetadata
{
    /// <summary>How often keys are refreshed unasked; the Bot Framework keys rotate rarely.</summary>
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(24);

    /// <summary>The least time between refreshes asked for by tokens with an unknown key id.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(5);

    public BotOpenIdMetadata(IConfigurationManager<OpenIdConnectConfiguration> botFramework, IConfigurationManager<OpenIdConnectConfiguration> entra)
    {
        BotFramework = botFramework;
        Entra = entra;
    }

    public IConfigurationManager<OpenIdConnectConfiguration> BotFramework { get; }

    public IConfigurationManager<OpenIdConnectConfiguration> Entra { get; }

    /// <summary>Metadata managers for the configured URLs; plain HTTP is accepted for loopback addresses only.</summary>
    public static BotOpenIdMetadata Create(BotOptions options, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new BotOpenIdMetadata(CreateManager(options.OpenIdMetadataUrl, httpClient), CreateManager(options.EntraOpenIdMetadataUrl, httpClient));
    }

    private static ConfigurationManager<OpenIdConnectConfiguration> CreateManager(string url, HttpClient httpClient)
    {
        var uri = new Uri(url, UriKind.Absolute);
        var retriever = new HttpDocumentRetriever(httpClient) { RequireHttps = !uri.IsLoopback };
        return new ConfigurationManager<OpenIdConnectConfiguration>(url, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = AutomaticRefreshInterval,
            RefreshInterval = RefreshInterval,
        };
    }
}
