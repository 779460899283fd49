namespace SocialBot.Azure.BotConnector;

/// <summary>The <c>value</c> of a <c>handoff.initiate</c> event: what the agent hub needs to route the conversation.</summary>
internal sealed record HandoffContext
{
    public required string Priority { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }
}
