namespace SocialBot.Inbox.Api;

/// <summary><c>POST /api/inbox/check</c>: check a reply draft for a handoff.</summary>
public sealed record CheckRequest
{
    public string? Id { get; init; }

    public string? Text { get; init; }
}
