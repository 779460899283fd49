namespace SocialBot.Azure.BotConnector;

internal sealed record Transcript
{
    public required IReadOnlyList<ConnectorActivity> Activities { get; init; }
}
