using System.Text.Json.Serialization;

namespace SocialBot.Core.Mentions;

/// <summary>A customer's post or message addressed to the team, as it arrives on the <c>mentions</c> queue.</summary>
public sealed record Mention
{
    /// <summary>Unique within the channel; <see cref="Key"/> (channel + id) is the idempotency key.</summary>
    public required string Id { get; init; }

    /// <summary>Lower-case channel name, e.g. <c>twitter</c>.</summary>
    public required string Channel { get; init; }

    public required string ConversationId { get; init; }

    public required MentionAuthor Author { get; init; }

    /// <summary>The text, NFC-normalised with control characters removed.</summary>
    public required string Text { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Whether the post is public: a public reply never contains personal details.</summary>
    public bool IsPublic { get; init; } = true;

    /// <summary>
    /// Whether the post addresses the team (a mention, reply or message; default). False for a post found by brand
    /// search that names the brand without mentioning the account: never acknowledged publicly unless configured.
    /// </summary>
    public bool Direct { get; init; } = true;

    public string? InReplyTo { get; init; }

    public ConversationReference? ConversationReference { get; init; }

    /// <summary>
    /// What a social network's reply channel needs to answer in the thread (X tweet id; Bluesky uri + cid of the post
    /// and its root; Mastodon status id and visibility; Graph comment id). Flat short strings, opaque to Core.
    /// </summary>
    public IReadOnlyDictionary<string, string>? NetworkReference { get; init; }

    [JsonIgnore]
    public MentionKey Key => new(Channel, Id);
}
