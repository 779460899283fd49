namespace SocialBot.Azure.BotConnector;

internal sealed record TranscriptAttachment
{
    public required string ContentType { get; init; }

    public required string Name { get; init; }

    public required Transcript Content { get; init; }
}
