using SocialBot.Core.Mentions;

namespace SocialBot.Azure.BotConnector;

/// <summary>What to answer the channel and what to do next; the host enqueues <see cref="ToEnqueue"/>.</summary>
public sealed record IngressResult
{
    /// <summary>202 accepted for triage or handoff status, 200 accepted and not triaged, 400, 401, 403 or 413.</summary>
    public required int StatusCode { get; init; }

    public Mention? ToEnqueue { get; init; }

    public HandoffStatus? Status { get; init; }

    /// <summary>Why the activity was rejected or not triaged; safe to log (no customer text).</summary>
    public string? Reason { get; init; }
}
