namespace SocialBot.Inbox.Api;

public sealed record AuthorView(string Id, string? Handle, string? Name);
