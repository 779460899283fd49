namespace SocialBot.Inbox.Api;

/// <summary>One message in the conversation pane; <c>from</c> is <c>customer</c>, <c>bot</c> or <c>agent</c>.</summary>
public sealed record ConversationEntryView(DateTimeOffset At, string From, string Text, string? Agent, string HandoffId);
