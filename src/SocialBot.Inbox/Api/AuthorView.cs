using SocialBot.Core.Handoffs;
using SocialBot.Core.Hours;
using SocialBot.Core.Triage;

namespace SocialBot.Inbox.Api;

public sealed record AuthorView(string Id, string? Handle, string? Name);
