using SocialBot.Core.Mentions;

namespace SocialBot.Core.Replies;

/// <summary>Delivers a reply to the customer: the Bot Connector in Azure, the local outbox by default.</summary>
public interface IReplyChannel
{
    /// <summary>Short name for traces and status (<c>outbox</c>, <c>botconnector</c>, <c>x</c>, <c>bluesky</c> …).</summary>
    string Name { get; }

    /// <summary>
    /// Whether this channel delivers the reply: a network's channel accepts the replies to its own mentions (by
    /// <see cref="OutgoingReply.Channel"/>), the Bot Connector those with a conversation reference.
    /// <see cref="ReplyChannelRouter"/> asks every channel and falls back to the local outbox.
    /// </summary>
    bool CanDeliver(OutgoingReply reply) => true;

    /// <summary>
    /// Sends the reply. Must be idempotent per <see cref="OutgoingReply.ReplyId"/> where the channel allows it.
    /// Throws <see cref="PermanentDeliveryException"/> when retrying cannot help (the message goes to the poison queue
    /// at once, with the reason); any other exception is transient and the queue retries.
    /// </summary>
    Task SendAsync(OutgoingReply reply, CancellationToken cancellationToken = default);
}

/// <summary>
/// The channel used when no other accepts a reply (the local outbox table): a network without credentials, or an
/// ingester's channel that SocialBot cannot post to.
/// </summary>
public interface IFallbackReplyChannel : IReplyChannel
{
    /// <summary>
    /// Keeps a reply that no channel could post, with the reason (for example
    /// <c>x: no credentials configured (SocialBot:Networks:X)</c>), so <c>socialbot replies list</c> can say why.
    /// Idempotent per <see cref="OutgoingReply.ReplyId"/> like <see cref="IReplyChannel.SendAsync"/>.
    /// </summary>
    Task KeepAsync(OutgoingReply reply, string reason, CancellationToken cancellationToken = default);
}

/// <summary>
/// A reply channel SocialBot knows but that is off (a social network without credentials): says why the replies it
/// would post fall back to the local outbox.
/// </summary>
public interface IUnavailableReplyChannel
{
    /// <summary>Why the reply cannot be posted (for example <c>x: no credentials configured (SocialBot:Networks:X)</c>), or null when the reply is not this channel's.</summary>
    string? Explain(OutgoingReply reply);
}

/// <summary>
/// A reply channel where delivering the same <see cref="OutgoingReply.ReplyId"/> twice has no further effect (the local
/// outbox upserts by reply id), so <c>SendReply</c> needs no sent-marker round trips for it.
/// </summary>
public interface IIdempotentReplyChannel : IReplyChannel
{
}

public enum ReplyKind
{
    Acknowledgement,
    Agent,
}

/// <summary>A reply waiting on the <c>replies</c> queue.</summary>
public sealed record OutgoingReply
{
    /// <summary>Stable id: <c>{channel}/{mentionId}/{kind}</c> for acknowledgements, unique per agent reply.</summary>
    public required string ReplyId { get; init; }

    public required string MentionId { get; init; }

    public required string Channel { get; init; }

    public required string ConversationId { get; init; }

    public required ReplyKind Kind { get; init; }

    public required string Text { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public bool IsPublic { get; init; } = true;

    /// <summary>Set for agent replies.</summary>
    public string? AgentName { get; init; }

    /// <summary>Where to reply through the Bot Connector; null for ingester channels.</summary>
    public ConversationReference? ConversationReference { get; init; }

    /// <summary>The mention's <see cref="Mention.NetworkReference"/>: where a social network's reply channel posts.</summary>
    public IReadOnlyDictionary<string, string>? NetworkReference { get; init; }
}

/// <summary>Delivery failed in a way retrying cannot fix (for example the channel answered 403 or 404).</summary>
public sealed class PermanentDeliveryException : Exception
{
    public PermanentDeliveryException()
    {
    }

    public PermanentDeliveryException(string message)
        : base(message)
    {
    }

    public PermanentDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
