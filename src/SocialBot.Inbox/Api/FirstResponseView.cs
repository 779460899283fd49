using Azure.Data.Tables;

namespace SocialBot.Inbox.Api;

/// <summary>First response times in staffed time (handoff to first agent reply), in seconds.</summary>
public sealed record FirstResponseView(int Count, long? MedianSeconds, long? P90Seconds);
