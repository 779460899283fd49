using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialBot.Core.Networks;
using SocialBot.Core.Processing;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.Bluesky;

/// <summary>Bluesky ingress: notifications (mention, reply, quote) and each brand query, every <c>PollSeconds</c>.</summary>
internal sealed class BlueskyPoller : INetworkPoller
{
    private readonly FeedPoller _poller;

    public BlueskyPoller(BlueskyApi api, IOptions<BlueskyOptions> options, INetworkStateStore store, IMentionQueue queue, TimeProvider time, ILogger<BlueskyPoller> logger)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var feeds = new List<IFeed> { new BlueskyNotificationsFeed(api) };
        feeds.AddRange(settings.BrandQueries.Select((query, index) => new BlueskyBrandFeed(api, index, query)));
        _poller = new FeedPoller(BlueskyApi.Network, feeds, TimeSpan.FromSeconds(settings.PollSeconds), store, queue, api.Http, time, logger);
    }

    public string Name => BlueskyApi.Network;

    public Task<PollOutcome> PollAsync(CancellationToken cancellationToken = default) => _poller.PollAsync(cancellationToken);
}
