using SocialBot.Networks.Common;

namespace SocialBot.Networks.Bluesky;

internal sealed class BlueskyCheck : INetworkCheck
{
    private readonly BlueskyApi _api;

    public BlueskyCheck(BlueskyApi api)
    {
        _api = api;
    }

    public string Name => BlueskyApi.Network;

    public Task<string> CheckAsync(CancellationToken cancellationToken = default) => _api.VerifyAsync(cancellationToken);
}
