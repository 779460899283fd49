using Azure.Core;
using Microsoft.Extensions.Logging;

namespace SocialBot.Azure.BotConnector;

/// <summary>
/// The bot's token for the Connector (scope <c>https://api.botframework.com/.default</c>), cached until five minutes
/// before it expires.
/// </summary>
internal sealed class BotConnectorTokenProvider : IDisposable
{
    public const string Scope = "https://api.botframework.com/.default";

    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly TokenCredential _credential;
    private readonly TimeProvider _time;
    private readonly ILogger<BotConnectorTokenProvider> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _cached;

    public BotConnectorTokenProvider(TokenCredential credential, TimeProvider time, ILogger<BotConnectorTokenProvider> logger)
    {
        _credential = credential;
        _time = time;
        _logger = logger;
    }

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (TryGetFresh(out var token))
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (TryGetFresh(out token))
            {
                return token;
            }

            var acquired = await _credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
            _cached = new CachedToken(acquired.Token, acquired.ExpiresOn);
            BotConnectorLog.TokenAcquired(_logger, acquired.ExpiresOn);
            return acquired.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool TryGetFresh(out string token)
    {
        var cached = _cached;
        if (cached is not null && _time.GetUtcNow() < cached.ExpiresOn - RefreshMargin)
        {
            token = cached.Token;
            return true;
        }

        token = string.Empty;
        return false;
    }

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresOn);
}
