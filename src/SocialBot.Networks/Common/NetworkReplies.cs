using System.Net;
using SocialBot.Core.Networks;
using SocialBot.Core.Replies;

namespace SocialBot.Networks.Common;

/// <summary>
/// What the networks' reply channels share: one post per reply id (a reply whose post was recorded is not posted
/// again, which covers a crash between posting and <c>SendReply</c>'s sent marker once the record was written), the
/// platform's id of the post recorded, and API failures sorted into permanent (401/403/duplicate/4xx rejections:
/// poison with the reason) and transient (429/5xx: the queue retries).
/// </summary>
public static class NetworkReplies
{
    public static async Task SendOnceAsync(
        INetworkStateStore store,
        string network,
        OutgoingReply reply,
        TimeProvider time,
        Func<CancellationToken, Task<string>> post,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(post);
        if (await store.FindReplyAsync(network, reply.ReplyId, cancellationToken) is not null)
        {
            return;
        }

        string postId;
        try
        {
            postId = await post(cancellationToken);
        }
        catch (NetworkApiException exception) when (!exception.IsTransient)
        {
            throw new PermanentDeliveryException(Describe(exception), exception);
        }

        // The post exists now: record it even if shutdown was requested meanwhile.
        await store.RecordReplyAsync(network, reply.ReplyId, postId, time.GetUtcNow(), CancellationToken.None);
    }

    /// <summary>The reference value, or a permanent failure naming the missing key (the mention did not come from this network's poller).</summary>
    public static string Reference(OutgoingReply reply, string key)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.NetworkReference is { } reference && reference.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new PermanentDeliveryException($"the reply has no networkReference.{key} (where to reply in the thread)");
    }

    private static string Describe(NetworkApiException exception) => exception.StatusCode switch
    {
        HttpStatusCode.Unauthorized => "the credentials were rejected (401): " + exception.Message,
        HttpStatusCode.Forbidden => "the post was refused (403: missing permission, or duplicate content): " + exception.Message,
        _ => exception.Message,
    };
}
