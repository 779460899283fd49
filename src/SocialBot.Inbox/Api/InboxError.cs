namespace SocialBot.Inbox.Api;

/// <summary>The JSON body of every error: a message for a person, and a short code for programs.</summary>
public sealed record InboxError(string Error, string Code);
