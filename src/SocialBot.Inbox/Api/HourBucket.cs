using Azure.Data.Tables;

namespace SocialBot.Inbox.Api;

public sealed record HourBucket(DateTimeOffset Hour, int Staffed, int AfterHours);
