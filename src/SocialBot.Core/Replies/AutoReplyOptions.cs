using System.ComponentModel.DataAnnotations;

namespace SocialBot.Core.Replies;

/// <summary>The <c>SocialBot:AutoReplies</c> section: safety limits on automatic replies, whatever the rules decide.</summary>
public sealed class AutoReplyOptions
{
    public const string SectionName = "SocialBot:AutoReplies";

    /// <summary>The most automatic acknowledgements one author gets per UTC day, over all conversations (default 5).</summary>
    [Range(1, 1000)]
    public int MaxPerAuthorPerDay { get; set; } = 5;
}
