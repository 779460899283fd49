namespace SocialBot.Core.Mentions;

public sealed record ConversationAccount
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public bool? IsGroup { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }
}
