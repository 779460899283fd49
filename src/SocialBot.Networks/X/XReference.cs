namespace SocialBot.Networks.X;

/// <summary>The keys of an X mention's <c>networkReference</c>.</summary>
public static class XReference
{
    /// <summary>The post to reply to (<c>reply.in_reply_to_tweet_id</c>).</summary>
    public const string TweetId = "tweetId";
}
