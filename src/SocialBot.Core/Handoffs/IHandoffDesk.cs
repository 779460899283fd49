using SocialBot.Core.Triage;

namespace SocialBot.Core.Handoffs;

/// <summary>
/// The agents' work list. Every call first takes waiting tickets off the handoff queues into the store (the store is the
/// source of truth; the queues are only the transport), then works on the stored handoffs. Rule violations throw
/// <see cref="HandoffException"/> with a message for the agent.
/// </summary>
public interface IHandoffDesk
{
    /// <summary>Claims the most urgent open handoff (or one whose lease expired) for the agent; null when nothing waits.</summary>
    Task<Handoff?> NextAsync(string agent, CancellationToken cancellationToken = default);

    /// <summary>Handoffs, overdue first, then urgent first, then by due time.</summary>
    Task<IReadOnlyList<Handoff>> ListAsync(HandoffStatus? status = null, HandoffPriority? priority = null, CancellationToken cancellationToken = default);

    /// <summary>Handoffs matching every filter that is set, in the list order of <see cref="ListAsync(HandoffStatus?, HandoffPriority?, CancellationToken)"/>.</summary>
    Task<IReadOnlyList<Handoff>> ListAsync(HandoffFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Claims this handoff for the agent (or renews the agent's own claim); refused when someone else holds it or it is resolved.</summary>
    Task<Handoff> ClaimAsync(string id, string agent, CancellationToken cancellationToken = default);

    Task<Handoff> ShowAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues the agent's reply to the customer and records that an agent answered (claims an open handoff). Idempotent
    /// per request: the reply id comes from <paramref name="requestId"/> (the CLI's <c>--request-id</c>, the inbox's
    /// <c>replyKey</c>) or is derived (<see cref="AgentReplyId"/>), so a retry queues the same reply id and the customer
    /// gets one reply.
    /// </summary>
    Task<Handoff> ReplyAsync(string id, string agent, string text, string? requestId = null, CancellationToken cancellationToken = default);

    Task<Handoff> ResolveAsync(string id, string agent, string? note = null, CancellationToken cancellationToken = default);

    Task<Handoff> ReleaseAsync(string id, string agent, CancellationToken cancellationToken = default);

    /// <summary>Releases the handoff; a <paramref name="supervisor"/> may release someone else's claim.</summary>
    Task<Handoff> ReleaseAsync(string id, string agent, bool supervisor, CancellationToken cancellationToken = default);

    Task<Handoff> ExtendAsync(string id, string agent, CancellationToken cancellationToken = default);
}
