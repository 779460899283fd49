namespace SocialBot.Azure.Storage;

/// <summary>The tables SocialBot uses (DESIGN.md section 3).</summary>
public static class TableNames
{
    /// <summary>One partition per conversation: its state, the acknowledgements per author, and each processed mention with outcome and trace.</summary>
    public const string Conversations = "conversations";

    /// <summary>Replies recorded by the local outbox channel.</summary>
    public const string Outbox = "outbox";

    /// <summary>Markers for replies delivered through a real channel, so a retry never posts twice.</summary>
    public const string SentReplies = "sentreplies";

    /// <summary>Handoffs for agents (status, claim, audit trail).</summary>
    public const string Handoffs = "handoffs";

    /// <summary>Social network pollers' cursors and backoff, and the platform ids of the replies posted (one partition per network).</summary>
    public const string Networks = "networks";

    /// <summary>Authors who opted out of automatic replies, per channel.</summary>
    public const string OptOuts = "optouts";

    public static IReadOnlyList<string> All { get; } = [Conversations, Outbox, SentReplies, Handoffs, Networks, OptOuts];
}
