namespace SocialBot.Core.Triage;

/// <summary>A mention already seen in the conversation, kept as a fingerprint (never the text).</summary>
public sealed record RecentMention(string MentionId, string AuthorId, string Fingerprint, DateTimeOffset ReceivedAt);
