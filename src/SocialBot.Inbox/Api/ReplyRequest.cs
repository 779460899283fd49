namespace SocialBot.Inbox.Api;

/// <summary><c>POST /api/inbox/handoff/reply</c>.</summary>
public sealed record ReplyRequest
{
    public string? Text { get; init; }

    /// <summary>A key for this reply chosen by the page; a retry with the same key never sends twice.</summary>
    public string? ReplyKey { get; init; }

    /// <summary>The agent confirmed sending personal details in a public reply.</summary>
    public bool ConfirmPersonalDetails { get; init; }
}
