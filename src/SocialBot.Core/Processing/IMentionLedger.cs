using SocialBot.Core.Mentions;
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
