namespace SocialBot.Azure.BotConnector;

internal sealed record ConnectorErrorResponse
{
    public ConnectorError? Error { get; init; }
}
