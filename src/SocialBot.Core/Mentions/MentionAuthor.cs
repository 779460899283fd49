namespace SocialBot.Core.Mentions;

public sealed record MentionAuthor
{
    public required string Id { get; init; }

    public string? Handle { get; init; }

    public string? Name { get; init; }

    public bool IsBot { get; init; }
}
