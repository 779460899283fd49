namespace SocialBot.Networks.Meta;

/// <summary>Keys of <c>Mention.NetworkReference</c> for Meta mentions (opaque to Core).</summary>
public static class MetaReferenceKeys
{
    /// <summary><c>facebook</c> or <c>instagram</c>.</summary>
    public const string Kind = "kind";

    /// <summary>The comment that is answered.</summary>
    public const string CommentId = "commentId";

    /// <summary>The comment it replies to (a nested comment), if any.</summary>
    public const string ParentId = "parentId";

    /// <summary>The Facebook post or the Instagram media.</summary>
    public const string PostId = "postId";

    /// <summary>The Page (Facebook) or Instagram account (Instagram) that received the comment.</summary>
    public const string AccountId = "accountId";

    /// <summary>The commenter's Page-scoped / Instagram-scoped id.</summary>
    public const string CommenterId = "commenterId";
}
