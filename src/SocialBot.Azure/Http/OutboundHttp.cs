using Azure.Core.Pipeline;

namespace SocialBot.Azure.Http;

/// <summary>
/// The HTTP clients the app calls out with (Bot Connector, token endpoints, OpenID metadata, escalation webhook):
/// redirects are never followed, so a token or a notice cannot be bounced to another host, and pooled connections
/// are recycled so DNS changes are picked up.
/// </summary>
public static class OutboundHttp
{
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    public static HttpClient CreateClient(TimeSpan timeout) => new(CreateHandler()) { Timeout = timeout };

    /// <summary>An Azure SDK transport (for credentials) over a handler that does not follow redirects.</summary>
    public static HttpPipelineTransport CreateTransport() => new HttpClientTransport(CreateHandler());
}
