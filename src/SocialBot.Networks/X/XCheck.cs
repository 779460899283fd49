using SocialBot.Networks.Common;

namespace SocialBot.Networks.X;

internal sealed class XCheck : INetworkCheck
{
    private readonly XApi _api;

    public XCheck(XApi api)
    {
        _api = api;
    }

    public string Name => XApi.Network;

    public Task<string> CheckAsync(CancellationToken cancellationToken = default) => _api.VerifyAsync(cancellationToken);
}
