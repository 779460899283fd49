namespace SocialBot.Core.Replies;

/// <summary>
/// Picks the channel that delivers a reply: the first registered <see cref="IReplyChannel"/> that
/// <see cref="IReplyChannel.CanDeliver"/> it (a network's channel for its own mentions, the Bot Connector for Bot
/// Framework conversations), otherwise the <see cref="IFallbackReplyChannel"/> (the local outbox).
/// </summary>
public sealed class ReplyChannelRouter
{
    private readonly IReplyChannel[] _channels;
    private readonly IFallbackReplyChannel _fallback;

    public ReplyChannelRouter(IEnumerable<IReplyChannel> channels, IFallbackReplyChannel fallback)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(fallback);
        _channels = channels.Where(channel => channel is not IFallbackReplyChannel).ToArray();
        _fallback = fallback;
    }

    /// <summary>The names of the channels that can take replies, the fallback last.</summary>
    public IReadOnlyList<string> Names => [.. _channels.Select(channel => channel.Name), _fallback.Name];

    public ReplyRoute Route(OutgoingReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        foreach (var channel in _channels)
        {
            if (channel.CanDeliver(reply))
            {
                return new ReplyRoute(channel, IsFallback: false);
            }
        }

        return new ReplyRoute(_fallback, IsFallback: true);
    }
}

/// <summary>The channel chosen for a reply; <see cref="IsFallback"/> when no channel of the reply's network is configured.</summary>
public readonly record struct ReplyRoute(IReplyChannel Channel, bool IsFallback);
