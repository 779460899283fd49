namespace SocialBot.Azure.BotConnector;

internal sealed record ConnectorError
{
    public string? Code { get; init; }

    public string? Message { get; init; }
}
