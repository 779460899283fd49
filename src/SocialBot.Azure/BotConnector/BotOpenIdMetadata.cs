using SocialBot.Http;

namespace SocialBot.Azure.BotConnector;

/// <summary>
/// The two OpenID metadata documents inbound tokens are checked against: the Bot Framework's (tokens issued by
/// <c>https://api.botframework.com</c>, keys with channel endorsements) and Entra ID's (tokens issued by a tenant).
/// </summary>
public sealed class BotOpenIdMetadata
{
    /// <summary>The named client the metadata documents and signing keys are fetched with.</summary>
    public const string HttpClientName = "SocialBot.OpenIdMetadata";

    /// <summary>GETs, so timeouts and 5xx are retried; 10 s an attempt, 30 s in all (an inbound request is waiting).</summary>
    public static readonly OutboundHttpPolicy Policy = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(30),
        MaxRetries = 2,
        MaxRetryAfter = TimeSpan.FromSeconds(5),
    };

    public BotOpenIdMetadata(OpenIdKeySource botFramework, OpenIdKeySource entra)
    {
        BotFramework = botFramework;
        Entra = entra;
    }

    public OpenIdKeySource BotFramework { get; }

    public OpenIdKeySource Entra { get; }

    /// <summary>Key sources for the configured URLs; plain HTTP is accepted for loopback addresses only.</summary>
    public static BotOpenIdMetadata Create(BotOptions options, HttpClient httpClient, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new BotOpenIdMetadata(
            new OpenIdKeySource(options.OpenIdMetadataUrl, httpClient, time),
            new OpenIdKeySource(options.EntraOpenIdMetadataUrl, httpClient, time));
    }
}
