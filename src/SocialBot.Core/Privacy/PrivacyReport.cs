namespace SocialBot.Core.Privacy;

/// <summary>What a purge or an erasure did: items changed or deleted, per store (<c>handoffs</c>, <c>conversations</c>, <c>outbox</c>, <c>sentreplies</c>, <c>mentions-poison</c>…).</summary>
public sealed record PrivacyReport
{
    public required string Action { get; init; }

    public required IReadOnlyDictionary<string, int> Counts { get; init; }

    public int Total => Counts.Values.Sum();
}
