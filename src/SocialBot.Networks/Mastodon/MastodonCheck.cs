using SocialBot.Networks.Common;

namespace SocialBot.Networks.Mastodon;

internal sealed class MastodonCheck : INetworkCheck
{
    private readonly MastodonApi _api;

    public MastodonCheck(MastodonApi api)
    {
        _api = api;
    }

    public string Name => MastodonApi.Network;

    public Task<string> CheckAsync(CancellationToken cancellationToken = default) => _api.VerifyAsync(cancellationToken);
}
