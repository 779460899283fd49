using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialBot.Core.Networks;
using SocialBot.Core.Processing;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.X;

/// <summary>X ingress: the mention timeline and each brand query, every <c>PollSeconds</c> (see <see cref="FeedPoller"/>).</summary>
internal sealed class XPoller : INetworkPoller
{
    private readonly FeedPoller _poller;

    public XPoller(XApi api, IOptions<XOptions> options, INetworkStateStore store, IMentionQueue queue, TimeProvider time, ILogger<XPoller> logger)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var feeds = new List<IFeed> { new XMentionsFeed(api, settings) };
        feeds.AddRange(settings.BrandQueries.Select((query, index) => new XBrandFeed(api, settings, index, query)));
        _poller = new FeedPoller(XApi.Network, feeds, TimeSpan.FromSeconds(settings.PollSeconds), store, queue, api.Http, time, logger);
    }

    public string Name => XApi.Network;

    public Task<PollOutcome> PollAsync(CancellationToken cancellationToken = default) => _poller.PollAsync(cancellationToken);
}
