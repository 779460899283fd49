namespace SocialBot.Core.Mentions;

/// <summary>The Bot Framework conversation reference used to reply through the Connector.</summary>
public sealed record ConversationReference
{
    public string? ServiceUrl { get; init; }

    public string? ActivityId { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? Bot { get; init; }

    public ChannelAccount? User { get; init; }

    public ConversationAccount? Conversation { get; init; }
}
