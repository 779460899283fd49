using System.Collections.Concurrent;

namespace SocialBot.Networks.Common;

/// <summary>One <see cref="NetworkHttp"/> per network (so each network's request count is its own).</summary>
public sealed class NetworkHttpRegistry
{
    private readonly IHttpClientFactory _factory;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, NetworkHttp> _clients = new(StringComparer.Ordinal);

    public NetworkHttpRegistry(IHttpClientFactory factory, TimeProvider time)
    {
        _factory = factory;
        _time = time;
    }

    public NetworkHttp For(string network) => _clients.GetOrAdd(network, name => new NetworkHttp(_factory, name, _time));
}
