using SocialBot.Core.Mentions;

namespace SocialBot.Core.Replies;

/// <summary>
/// Picks the channel that delivers a reply: the first registered <see cref="IReplyChannel"/> that
/// <see cref="IReplyChannel.CanDeliver"/> it (a network's channel for its own mentions, the Bot Connector for Bot
/// Framework conversations), otherwise the <see cref="IFallbackReplyChannel"/> (the local outbox), with the reason.
/// </summary>
public sealed class ReplyChannelRouter
{
    /// <summary>Longest reason kept with a fallback reply (the channel name in it comes from the mention).</summary>
    public const int MaxReasonLength = 300;

    private readonly IReplyChannel[] _channels;
    private readonly IFallbackReplyChannel _fallback;
    private readonly IUnavailableReplyChannel[] _unavailable;

    public ReplyChannelRouter(IEnumerable<IReplyChannel> channels, IFallbackReplyChannel fallback, IEnumerable<IUnavailableReplyChannel>? unavailable = null)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(fallback);
        _channels = channels.Where(channel => channel is not IFallbackReplyChannel).ToArray();
        _fallback = fallback;
        _unavailable = unavailable?.ToArray() ?? [];
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

        var reason = _unavailable.Select(channel => channel.Explain(reply)).FirstOrDefault(explanation => !string.IsNullOrWhiteSpace(explanation))
            ?? $"no reply channel for channel '{reply.Channel}'";
        return new ReplyRoute(_fallback, IsFallback: true, TextSanitizer.Shorten(reason, MaxReasonLength));
    }
}

/// <summary>
/// The channel chosen for a reply; <see cref="IsFallback"/> when no channel of the reply's network can post it, and
/// then <see cref="FallbackReason"/> says why (a network without credentials, a channel SocialBot cannot post to).
/// </summary>
public readonly record struct ReplyRoute(IReplyChannel Channel, bool IsFallback, string? FallbackReason = null);
