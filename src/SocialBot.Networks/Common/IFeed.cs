namespace SocialBot.Networks.Common;

/// <summary>One source of mentions of a network: its mentions/notifications, or one brand search.</summary>
public interface IFeed
{
    /// <summary><c>mentions</c> or <c>brand-N</c>: the row of the feed's state.</summary>
    string Name { get; }

    /// <summary>Everything newer than <paramref name="cursor"/> (all pages), oldest first, and the new cursor.</summary>
    Task<FeedPage> FetchAsync(string? cursor, CancellationToken cancellationToken);
}
