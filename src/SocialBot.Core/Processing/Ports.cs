using SocialBot.Core.Mentions;
using SocialBot.Core.Replies;
using SocialBot.Core.Triage;

namespace SocialBot.Core.Processing;

/// <summary>
/// The record of processed mentions and of what happened in each conversation. One read per mention answers both
/// "was this mention processed already?" and "what does triage need to know?"; one write records the outcome.
/// </summary>
public interface IMentionLedger
{
    Task<LedgerState> ReadAsync(Mention mention, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the outcome, the acknowledgement (if any) and the mention's fingerprint, starting from the state
    /// <see cref="ReadAsync"/> returned (and re-reading it if the conversation changed meanwhile). False when another
    /// delivery recorded the mention first.
    /// </summary>
    Task<bool> RecordAsync(Mention mention, TriageDecision decision, LedgerState state, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reserves the automatic acknowledgement <paramref name="decision"/> made, under the concurrency token of the
    /// <paramref name="state"/> it was decided on, and counts it against the author's daily cap. <see cref="AcknowledgementReservation.Conflict"/>
    /// when another mention changed the author's acknowledgement meanwhile: read again and decide again.
    /// </summary>
    Task<AcknowledgementReservation> ReserveAcknowledgementAsync(Mention mention, TriageDecision decision, LedgerState state, int dailyLimit, CancellationToken cancellationToken = default);

    /// <summary>Records a channel's handoff status (a Bot Framework <c>handoff.status</c> event) on the conversation.</summary>
    Task RecordHandoffStatusAsync(string channel, string conversationId, string state, string? message, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Records that an agent replied in a conversation (the acknowledgement rules read it).</summary>
    Task RecordAgentReplyAsync(string channel, string conversationId, DateTimeOffset at, CancellationToken cancellationToken = default);
}

/// <summary>What the ledger knows about a mention and its conversation.</summary>
public sealed record LedgerState(bool AlreadyProcessed, ConversationHistory History)
{
    /// <summary>The version of the conversation state this was read at (opaque to callers; null when there was none).</summary>
    public string? Version { get; init; }

    /// <summary>The version of the author's acknowledgement record (opaque; null when there was none).</summary>
    public string? AcknowledgementVersion { get; init; }
}

/// <summary>The <c>mentions</c> queue, for ingesters inside the app (the Bot Framework channel).</summary>
public interface IMentionQueue
{
    Task EnqueueMentionAsync(Mention mention, CancellationToken cancellationToken = default);
}

/// <summary>The queues a triage decision writes to.</summary>
public interface IOutboundQueues
{
    Task EnqueueReplyAsync(OutgoingReply reply, CancellationToken cancellationToken = default);

    Task EnqueueHandoffAsync(HandoffTicket ticket, CancellationToken cancellationToken = default);
}

/// <summary>
/// Tells a channel that a conversation was handed to people (the Bot Framework <c>handoff.initiate</c> event).
/// Best effort: a failure is logged and never blocks triage.
/// </summary>
public interface IHandoffAnnouncer
{
    Task AnnounceAsync(HandoffTicket ticket, CancellationToken cancellationToken = default);
}

/// <summary>Where messages that cannot be processed go, with the reason.</summary>
public interface IPoisonQueue
{
    Task SendAsync(string queueName, PoisonMessage message, CancellationToken cancellationToken = default);
}

/// <summary>A message on a <c>-poison</c> queue: the original message and why it could not be processed.</summary>
public sealed record PoisonMessage
{
    public required string Reason { get; init; }

    public required string Queue { get; init; }

    public required long DequeueCount { get; init; }

    public required DateTimeOffset PoisonedAt { get; init; }

    /// <summary>The original message text, as it was on the queue (decoded).</summary>
    public required string Message { get; init; }
}
