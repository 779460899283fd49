namespace SocialBot.Azure.BotConnector;

/// <summary>An agent hub's report on a handoff: <c>accepted</c>, <c>failed</c> or <c>completed</c>.</summary>
public sealed record HandoffStatus
{
    public required string ConversationId { get; init; }

    public required string ChannelId { get; init; }

    public required string State { get; init; }

    public string? Message { get; init; }
}
