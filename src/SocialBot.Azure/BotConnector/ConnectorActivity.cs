using SocialBot.Core.Mentions;

namespace SocialBot.Azure.BotConnector;

/// <summary>The Activity fields SocialBot sends to the Connector.</summary>
internal sealed record ConnectorActivity
{
    public required string Type { get; init; }

    public string? Id { get; init; }

    public string? Name { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? ReplyToId { get; init; }

    public HandoffContext? Value { get; init; }

    /// <summary>The conversation reference: the same fields as the Activity schema's ConversationReference.</summary>
    public ConversationReference? RelatesTo { get; init; }

    public IReadOnlyList<TranscriptAttachment>? Attachments { get; init; }
}
