using Microsoft.Extensions.Logging;
using SocialBot.Core.Channels;
using SocialBot.Core.Networks;
using SocialBot.Core.Replies;
using SocialBot.Networks.Common;

namespace SocialBot.Networks.Bluesky;

/// <summary>
/// Posts replies to Bluesky mentions in the thread: an <c>app.bsky.feed.post</c> with <c>reply.parent</c> (the
/// customer's post) and <c>reply.root</c> (its thread's root), and a mention facet over the customer's @handle,
/// which is put in front of the text when it is not there and the post stays within 300 graphemes.
/// </summary>
internal sealed partial class BlueskyReplyChannel : IReplyChannel
{
    /// <summary>Bluesky's post limit, in graphemes.</summary>
    public const int MaxGraphemes = 300;

    private readonly BlueskyApi _api;
    private readonly INetworkStateStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<BlueskyReplyChannel> _logger;

    public BlueskyReplyChannel(BlueskyApi api, INetworkStateStore store, TimeProvider time, ILogger<BlueskyReplyChannel> logger)
    {
        _api = api;
        _store = store;
        _time = time;
        _logger = logger;
    }

    public string Name => BlueskyApi.Network;

    public bool CanDeliver(OutgoingReply reply) =>
        reply is not null && string.Equals(reply.Channel, BlueskyApi.Network, StringComparison.OrdinalIgnoreCase);

    public async Task SendAsync(OutgoingReply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var post = Compose(reply, _time.GetUtcNow());
        await NetworkReplies.SendOnceAsync(
            _store,
            BlueskyApi.Network,
            reply,
            _time,
            async token =>
            {
                var uri = await _api.CreatePostAsync(post, token);
                LogPosted(_logger, uri);
                return uri;
            },
            cancellationToken);
    }

    /// <summary>The post for a reply, from its network reference (permanent failure when a reference key is missing).</summary>
    public static BlueskyPost Compose(OutgoingReply reply, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var parent = new StrongRef(NetworkReplies.Reference(reply, BlueskyReference.Uri), NetworkReplies.Reference(reply, BlueskyReference.Cid));
        var root = new StrongRef(NetworkReplies.Reference(reply, BlueskyReference.RootUri), NetworkReplies.Reference(reply, BlueskyReference.RootCid));
        var text = reply.Text;
        (string, string)? mention = null;
        if (reply.NetworkReference!.TryGetValue(BlueskyReference.AuthorHandle, out var handle) && !string.IsNullOrWhiteSpace(handle)
            && reply.NetworkReference.TryGetValue(BlueskyReference.AuthorDid, out var did))
        {
            var at = "@" + handle.TrimStart('@');
            if (!text.Contains(at, StringComparison.Ordinal) && TextLength.Graphemes(at + " " + text) <= MaxGraphemes)
            {
                text = at + " " + text;
            }

            if (text.Contains(at, StringComparison.Ordinal))
            {
                mention = (at, did);
            }
        }

        if (TextLength.Graphemes(text) > MaxGraphemes)
        {
            throw new PermanentDeliveryException($"the reply has {TextLength.Graphemes(text)} graphemes; Bluesky accepts {MaxGraphemes}");
        }

        return new BlueskyPost { Text = text, CreatedAt = now, Parent = parent, Root = root, Mention = mention };
    }

    [LoggerMessage(EventId = 8201, Level = LogLevel.Information, Message = "Posted a reply on Bluesky ({PostUri})")]
    private static partial void LogPosted(ILogger logger, string postUri);
}
