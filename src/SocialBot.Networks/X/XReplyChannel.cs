using Microsoft.Extensions.Logging;
using SocialBot.Core.Networks;
using SocialBot.Core.Replies;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.X;

/// <summary>
/// Posts replies to X mentions (channel <c>x</c> or <c>twitter</c>) in the thread: <c>POST /2/tweets</c> with
/// <c>reply.in_reply_to_tweet_id</c> from the mention's reference. Not idempotent on X's side, so
/// <c>SendReply</c> claims each reply id first.
/// </summary>
internal sealed partial class XReplyChannel : IReplyChannel
{
    private readonly XApi _api;
    private readonly INetworkStateStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<XReplyChannel> _logger;

    public XReplyChannel(XApi api, INetworkStateStore store, TimeProvider time, ILogger<XReplyChannel> logger)
    {
        _api = api;
        _store = store;
        _time = time;
        _logger = logger;
    }

    public string Name => XApi.Network;

    public bool CanDeliver(OutgoingReply reply) => reply is not null && IsXChannel(reply.Channel);

    /// <summary>Whether a mention's channel name is X's (<c>x</c>, or <c>twitter</c> as the Bot Framework and older ingesters call it).</summary>
    public static bool IsXChannel(string? channel) =>
        string.Equals(channel, "x", StringComparison.OrdinalIgnoreCase) || string.Equals(channel, "twitter", StringComparison.OrdinalIgnoreCase);

    public async Task SendAsync(OutgoingReply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var tweetId = NetworkReplies.Reference(reply, XReference.TweetId);
        await NetworkReplies.SendOnceAsync(
            _store,
            XApi.Network,
            reply,
            _time,
            async token =>
            {
                var id = await _api.PostReplyAsync(reply.Text, tweetId, token);
                LogPosted(_logger, id);
                return id;
            },
            cancellationToken);
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Posted a reply on X (post {PostId})")]
    private static partial void LogPosted(ILogger logger, string postId);
}
