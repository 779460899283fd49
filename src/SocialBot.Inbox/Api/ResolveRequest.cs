namespace SocialBot.Inbox.Api;

/// <summary><c>POST /api/inbox/handoff/resolve</c>.</summary>
public sealed record ResolveRequest
{
    public string? Note { get; init; }
}
