namespace SocialBot.Inbox.Api;

/// <summary>What the page shows under the reply box: the length as the network counts it, and personal details found.</summary>
public sealed record ReplyCheckView
{
    public required string Network { get; init; }

    public required int Length { get; init; }

    public required int Limit { get; init; }

    /// <summary><c>twitterWeighted</c>, <c>graphemes</c> or <c>utf16</c>: how the network counts.</summary>
    public required string Counting { get; init; }

    public required bool IsPublic { get; init; }

    public required bool TooLong { get; init; }

    /// <summary>Kinds of personal details found (<c>email address</c>, <c>phone number</c>, <c>order number</c>).</summary>
    public required IReadOnlyList<string> PersonalDetails { get; init; }

    /// <summary>A public reply with personal details needs the agent's explicit confirmation.</summary>
    public bool NeedsConfirmation => IsPublic && PersonalDetails.Count > 0;
}
