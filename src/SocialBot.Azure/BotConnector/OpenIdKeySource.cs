using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace SocialBot.Azure.BotConnector;

/// <summary>
/// One OpenID metadata document and its signing keys: cached by a <see cref="ConfigurationManager{T}"/> that
/// refreshes automatically, plus an immediate fetch (at most once per <see cref="RefreshInterval"/>) when a token
/// names a key the cache does not know yet, because the manager itself refreshes in the background.
/// </summary>
public sealed class OpenIdKeySource : IDisposable
{
    /// <summary>How often keys are refreshed unasked; the Bot Framework keys rotate rarely.</summary>
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(24);

    /// <summary>The least time between refreshes caused by unknown key ids, so forged kids cannot flood the issuer.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(5);

    private readonly string _url;
    private readonly HttpDocumentRetriever _retriever;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile OpenIdConnectConfiguration? _refreshed;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public OpenIdKeySource(string metadataUrl, HttpClient httpClient, TimeProvider time)
    {
        var uri = new Uri(metadataUrl, UriKind.Absolute);
        _url = metadataUrl;
        _time = time;
        _retriever = new HttpDocumentRetriever(httpClient) { RequireHttps = !uri.IsLoopback };
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), _retriever)
        {
            AutomaticRefreshInterval = AutomaticRefreshInterval,
            RefreshInterval = RefreshInterval,
        };
    }

    /// <summary>The current metadata, fetched anew when it does not publish <paramref name="keyId"/> (rate-limited).</summary>
    /// <exception cref="InvalidOperationException">The metadata or its keys could not be fetched.</exception>
    public async Task<OpenIdConnectConfiguration> GetAsync(string? keyId, CancellationToken cancellationToken = default)
    {
        var configuration = await _manager.GetConfigurationAsync(cancellationToken);
        if (string.IsNullOrEmpty(keyId) || HasKey(configuration, keyId))
        {
            return configuration;
        }

        if (_refreshed is { } refreshed && HasKey(refreshed, keyId))
        {
            return refreshed;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            if (now - _lastForcedRefresh < RefreshInterval)
            {
                return _refreshed ?? configuration;
            }

            _lastForcedRefresh = now;
            _manager.RequestRefresh();
            try
            {
                _refreshed = await OpenIdConnectConfigurationRetriever.GetAsync(_url, _retriever, cancellationToken);
            }
            catch (IOException exception)
            {
                // Transient, like the manager's own failures: the caller answers 5xx and the channel retries.
                throw new InvalidOperationException($"Unable to refresh the signing keys from '{_url}'", exception);
            }

            return _refreshed;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    internal static bool HasKey(OpenIdConnectConfiguration configuration, string keyId) =>
        configuration.JsonWebKeySet?.Keys.Any(key => string.Equals(key.Kid, keyId, StringComparison.Ordinal)) == true;
}
