using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialBot.Core.Networks;
using SocialBot.Core.Processing;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.Mastodon;

/// <summary>Mastodon ingress: mention notifications and each brand hashtag, every <c>PollSeconds</c>.</summary>
internal sealed class MastodonPoller : INetworkPoller
{
    private readonly FeedPoller _poller;

    public MastodonPoller(MastodonApi api, IOptions<MastodonOptions> options, INetworkStateStore store, IMentionQueue queue, TimeProvider time, ILogger<MastodonPoller> logger)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var feeds = new List<IFeed> { new MastodonMentionsFeed(api) };
        feeds.AddRange(settings.BrandHashtags.Select((tag, index) => new MastodonHashtagFeed(api, index, tag)));
        _poller = new FeedPoller(MastodonApi.Network, feeds, TimeSpan.FromSeconds(settings.PollSeconds), store, queue, api.Http, time, logger);
    }

    public string Name => MastodonApi.Network;

    public Task<PollOutcome> PollAsync(CancellationToken cancellationToken = default) => _poller.PollAsync(cancellationToken);
}
