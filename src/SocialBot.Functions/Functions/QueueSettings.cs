namespace SocialBot.Functions.Functions;

/// <summary>
/// The app settings queue triggers read their queue names from (<c>%Setting%</c>, resolved by the host; app settings
/// <c>SocialBot__Queues__Mentions</c> etc.), and the storage connection. The embedded defaults give each a value.
/// </summary>
public static class QueueSettings
{
    public const string Connection = "AzureWebJobsStorage";

    public const string Mentions = "%SocialBot:Queues:Mentions%";

    public const string Replies = "%SocialBot:Queues:Replies%";

    public const string Notifications = "%SocialBot:Queues:Notifications%";
}
