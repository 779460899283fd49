namespace SocialBot.Core.Mentions;

public sealed record ChannelAccount
{
    public required string Id { get; init; }

    public string? Name { get; init; }
}
