namespace SocialBot.Inbox.Api;

/// <summary><c>GET /api/inbox/me</c>.</summary>
public sealed record MeView(string Name, string DisplayName, IReadOnlyList<string> Roles, bool Supervisor, string Source, int PollSeconds);
