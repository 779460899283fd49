using SocialBot.Core.Mentions;

namespace SocialBot.Networks.Common;

/// <summary>What a feed returned: the mentions to enqueue (oldest first), the cursor after them, the last rate-limit headers.</summary>
public sealed record FeedPage(IReadOnlyList<Mention> Mentions, string? Cursor, RateLimit RateLimit);
