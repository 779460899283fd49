using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialBot.Core.Channels;
using SocialBot.Core.Replies;

namespace SocialBot.Networks.Meta;

/// <summary>
/// Answers Facebook and Instagram comments over the Graph API: a public reply in the thread (Facebook
/// <c>/{comment-id}/comments</c>, Instagram <c>/{comment-id}/replies</c>) or a private reply (<c>/{page-id}/messages</c>
/// with <c>recipient.comment_id</c>), as <see cref="MetaReplyPolicy"/> says per network. Not idempotent by itself:
/// <c>SendReply</c> claims each reply id before it is sent.
/// </summary>
internal sealed partial class MetaReplyChannel : IReplyChannel
{
    /// <summary>Messenger's text limit, in UTF-16 characters.</summary>
    internal const int MessengerMaxLength = 2000;

    /// <summary>Instagram Direct's text limit, in UTF-8 bytes.</summary>
    internal const int InstagramDirectMaxBytes = 1000;

    private readonly IHttpClientFactory _httpClients;
    private readonly MetaOptions _options;
    private readonly ChannelCatalog _channels;
    private readonly ILogger<MetaReplyChannel> _logger;

    public MetaReplyChannel(IHttpClientFactory httpClients, IOptions<MetaOptions> options, ChannelCatalog channels, ILogger<MetaReplyChannel> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClients = httpClients;
        _options = options.Value;
        _channels = channels;
        _logger = logger;
    }

    public string Name => "meta";

    /// <summary>Replies to Facebook and Instagram mentions that came through the webhook (they carry the comment id).</summary>
    public bool CanDeliver(OutgoingReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return MetaChannels.IsMeta(reply.Channel)
            && reply.NetworkReference is { } reference
            && reference.ContainsKey(MetaReferenceKeys.CommentId);
    }

    public async Task SendAsync(OutgoingReply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var reference = reply.NetworkReference ?? throw new PermanentDeliveryException("the reply has no networkReference (the comment to answer)");
        if (!reference.TryGetValue(MetaReferenceKeys.CommentId, out var commentId) || string.IsNullOrWhiteSpace(commentId))
        {
            throw new PermanentDeliveryException("the reply's networkReference has no commentId");
        }

        var instagram = string.Equals(reply.Channel, MetaChannels.Instagram, StringComparison.OrdinalIgnoreCase);
        var policy = _options.PolicyFor(reply.Channel);
        var client = new MetaGraphClient(_httpClients.CreateClient(MetaGraphClient.HttpClientName), _options);
        try
        {
            // A reply not marked public holds personal details: it never goes in the public thread.
            if (policy == MetaReplyPolicy.Public && reply.IsPublic)
            {
                CheckPublicLength(reply);
                var posted = instagram
                    ? await client.ReplyToInstagramCommentAsync(InstagramThreadTarget(reference, commentId), reply.Text, cancellationToken)
                    : await client.ReplyToFacebookCommentAsync(commentId, reply.Text, cancellationToken);
                LogPosted(_logger, reply.ReplyId, "public comment", posted);
                return;
            }

            CheckPrivateLength(reply.Text, instagram);
            await SendPrivateAsync(client, reply, commentId, cancellationToken);
            if (policy == MetaReplyPolicy.PublicWithoutDetails)
            {
                await PostNoticeAsync(client, reply, reference, commentId, instagram, cancellationToken);
            }
        }
        catch (MetaGraphException exception) when (!exception.IsTransient)
        {
            LogRefused(_logger, reply.ReplyId, exception.Code ?? 0, exception.Message);
            throw new PermanentDeliveryException(exception.Message, exception);
        }
        catch (MetaGraphException exception)
        {
            LogTransient(_logger, reply.ReplyId, exception.Code ?? 0, exception.Message);
            throw;
        }
    }

    private async Task SendPrivateAsync(MetaGraphClient client, OutgoingReply reply, string commentId, CancellationToken cancellationToken)
    {
        // Meta allows one private reply per comment (a second one fails with code 10900, a permanent error): SendReply's
        // claim keeps a redelivery of the same reply from trying twice; a later, different reply is refused with the reason.
        var messageId = await client.SendPrivateReplyAsync(commentId, reply.Text, cancellationToken);
        LogPosted(_logger, reply.ReplyId, "private reply", messageId);
    }

    /// <summary>The public pointer to the private message: best effort, so a failure never repeats the private reply.</summary>
    private async Task PostNoticeAsync(MetaGraphClient client, OutgoingReply reply, IReadOnlyDictionary<string, string> reference, string commentId, bool instagram, CancellationToken cancellationToken)
    {
        try
        {
            var posted = instagram
                ? await client.ReplyToInstagramCommentAsync(InstagramThreadTarget(reference, commentId), _options.PrivateReplyNotice, cancellationToken)
                : await client.ReplyToFacebookCommentAsync(commentId, _options.PrivateReplyNotice, cancellationToken);
            LogPosted(_logger, reply.ReplyId, "public notice", posted);
        }
        catch (MetaGraphException exception)
        {
            LogNoticeFailed(_logger, reply.ReplyId, exception.Code ?? 0, exception.Message);
        }
    }

    /// <summary>Instagram takes replies on top-level comments only: a reply to a reply goes under its parent.</summary>
    private static string InstagramThreadTarget(IReadOnlyDictionary<string, string> reference, string commentId) =>
        reference.TryGetValue(MetaReferenceKeys.ParentId, out var parent) && !string.IsNullOrWhiteSpace(parent) ? parent : commentId;

    private void CheckPublicLength(OutgoingReply reply)
    {
        if (_channels.TryGet(reply.Channel, out var profile) && !profile.Fits(reply.Text))
        {
            throw new PermanentDeliveryException($"the reply is {profile.LengthOf(reply.Text)} characters; {profile.Name} comments take at most {profile.MaxReplyLength}");
        }
    }

    private static void CheckPrivateLength(string text, bool instagram)
    {
        if (instagram && Encoding.UTF8.GetByteCount(text) > InstagramDirectMaxBytes)
        {
            throw new PermanentDeliveryException($"the private reply is {Encoding.UTF8.GetByteCount(text)} UTF-8 bytes; Instagram Direct takes at most {InstagramDirectMaxBytes}");
        }

        if (!instagram && text.Length > MessengerMaxLength)
        {
            throw new PermanentDeliveryException($"the private reply is {text.Length} characters; Messenger takes at most {MessengerMaxLength}");
        }
    }

    [LoggerMessage(EventId = 7420, Level = LogLevel.Information, Message = "Reply {ReplyId} delivered as a {What}: Graph id {PostedId}")]
    private static partial void LogPosted(ILogger logger, string replyId, string what, string postedId);

    [LoggerMessage(EventId = 7422, Level = LogLevel.Warning, Message = "Reply {ReplyId}: the public notice could not be posted (code {Code}): {Reason}")]
    private static partial void LogNoticeFailed(ILogger logger, string replyId, int code, string reason);

    [LoggerMessage(EventId = 7423, Level = LogLevel.Warning, Message = "Reply {ReplyId} refused by the Graph API (code {Code}): {Reason}")]
    private static partial void LogRefused(ILogger logger, string replyId, int code, string reason);

    [LoggerMessage(EventId = 7424, Level = LogLevel.Warning, Message = "Reply {ReplyId} not delivered yet, will be retried (code {Code}): {Reason}")]
    private static partial void LogTransient(ILogger logger, string replyId, int code, string reason);
}
