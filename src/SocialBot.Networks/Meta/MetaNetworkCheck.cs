using Microsoft.Extensions.Options;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.Meta;

/// <summary>
/// <c>socialbot networks check</c> for Meta: the Page token must open the configured Page (<c>GET /me</c> answers with
/// the Page's id) and, when Instagram is on, the Instagram account (<c>GET /{ig-id}?fields=id,username</c>). Returns what
/// was verified; throws <see cref="NetworkApiException"/> with the reason (never a secret) when the check fails.
/// </summary>
internal sealed class MetaNetworkCheck : INetworkCheck
{
    private readonly IHttpClientFactory _httpClients;
    private readonly MetaOptions _options;

    public MetaNetworkCheck(IHttpClientFactory httpClients, IOptions<MetaOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClients = httpClients;
        _options = options.Value;
    }

    public string Name => "meta";

    public async Task<string> CheckAsync(CancellationToken cancellationToken = default)
    {
        var client = new MetaGraphClient(_httpClients.CreateClient(MetaGraphClient.HttpClientName), _options);
        try
        {
            var me = await client.GetObjectAsync("me", "id,name", cancellationToken);
            if (me.Id != _options.PageId)
            {
                throw new NetworkApiException($"the PageAccessToken belongs to {me.Id ?? "nothing"}, not Page {_options.PageId}: use a Page access token of that Page");
            }

            var detail = $"Page {me.Id} ({me.Name}) reachable with the Page token, Graph {_options.GraphVersion}";
            if (_options.InstagramEnabled)
            {
                var instagram = await client.GetObjectAsync(_options.InstagramAccountId!, "id,username", cancellationToken);
                detail += $"; Instagram account {instagram.Id} (@{instagram.Username}) reachable";
            }
            else
            {
                detail += "; Instagram off (no InstagramAccountId)";
            }

            return detail;
        }
        catch (MetaGraphException exception)
        {
            throw new NetworkApiException(exception.Message, exception);
        }
    }
}
