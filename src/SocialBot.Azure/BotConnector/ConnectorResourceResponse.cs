namespace SocialBot.Azure.BotConnector;

/// <summary>The Connector's ResourceResponse and ErrorResponse.</summary>
internal sealed record ConnectorResourceResponse
{
    public string? Id { get; init; }
}
