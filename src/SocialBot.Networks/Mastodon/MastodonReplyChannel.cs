using Microsoft.Extensions.Logging;
using SocialBot.Core.Channels;
using SocialBot.Core.Networks;
using SocialBot.Core.Replies;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.Mastodon;

/// <summary>
/// Posts replies to Mastodon mentions in the thread: <c>POST /api/v1/statuses</c> with <c>in_reply_to_id</c>, the
/// mention's visibility (a direct message is answered directly, a followers-only post followers-only) and the
/// customer's @acct in front (Mastodon notifies only mentioned accounts), when it fits the channel's limit.
/// </summary>
internal sealed partial class MastodonReplyChannel : IReplyChannel
{
    private static readonly HashSet<string> Visibilities = new(StringComparer.Ordinal) { "public", "unlisted", "private", "direct" };

    private readonly MastodonApi _api;
    private readonly INetworkStateStore _store;
    private readonly ChannelCatalog _channels;
    private readonly TimeProvider _time;
    private readonly ILogger<MastodonReplyChannel> _logger;

    public MastodonReplyChannel(MastodonApi api, INetworkStateStore store, ChannelCatalog channels, TimeProvider time, ILogger<MastodonReplyChannel> logger)
    {
        _api = api;
        _store = store;
        _channels = channels;
        _time = time;
        _logger = logger;
    }

    public string Name => MastodonApi.Network;

    public bool CanDeliver(OutgoingReply reply) =>
        reply is not null && string.Equals(reply.Channel, MastodonApi.Network, StringComparison.OrdinalIgnoreCase);

    public async Task SendAsync(OutgoingReply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var statusId = NetworkReplies.Reference(reply, MastodonReference.StatusId);
        var visibility = reply.NetworkReference!.TryGetValue(MastodonReference.Visibility, out var v) && Visibilities.Contains(v) ? v : (reply.IsPublic ? "public" : "direct");
        var text = reply.Text;
        if (reply.NetworkReference.TryGetValue(MastodonReference.Acct, out var acct) && !string.IsNullOrWhiteSpace(acct))
        {
            var at = "@" + acct.TrimStart('@');
            var limit = _channels.TryGet(MastodonApi.Network, out var profile) ? profile.MaxReplyLength : 500;
            if (!text.Contains(at, StringComparison.Ordinal) && TextLength.Graphemes(at + " " + text) <= limit)
            {
                text = at + " " + text;
            }
        }

        await NetworkReplies.SendOnceAsync(
            _store,
            MastodonApi.Network,
            reply,
            _time,
            async token =>
            {
                var id = await _api.PostReplyAsync(text, statusId, visibility, reply.ReplyId, token);
                LogPosted(_logger, id, visibility);
                return id;
            },
            cancellationToken);
    }

    [LoggerMessage(EventId = 8301, Level = LogLevel.Information, Message = "Posted a reply on Mastodon (status {StatusId}, {Visibility})")]
    private static partial void LogPosted(ILogger logger, string statusId, string visibility);
}
