using System.Globalization;
using SocialBot.Core.Triage;

namespace SocialBot.Core.Handoffs;

/// <summary>
/// The rules agents work by, independent of storage: when a claim counts, which handoff comes next, what order a list
/// shows, and who may act on a handoff. Messages are written for the agent reading them.
/// </summary>
public static class HandoffRules
{
    /// <summary>A claim whose lease has run out reads as open: the handoff is back in the queue.</summary>
    public static HandoffStatus EffectiveStatus(HandoffStatus stored, DateTimeOffset? claimedUntil, DateTimeOffset now) =>
        stored == HandoffStatus.Claimed && (claimedUntil is null || claimedUntil <= now) ? HandoffStatus.Open : stored;

    public static bool IsOverdue(HandoffStatus status, DateTimeOffset? dueBy, DateTimeOffset now) =>
        status != HandoffStatus.Resolved && dueBy is { } due && due < now;

    /// <summary>The order <c>agent next</c> offers open handoffs in: urgent first, then earliest due, then oldest.</summary>
    public static IEnumerable<Handoff> InClaimOrder(IEnumerable<Handoff> handoffs) =>
        handoffs
            .OrderByDescending(h => h.Priority == HandoffPriority.Urgent)
            .ThenBy(h => h.DueBy ?? DateTimeOffset.MaxValue)
            .ThenBy(h => h.CreatedAt)
            .ThenBy(h => h.Id, StringComparer.Ordinal);

    /// <summary>The order <c>agent list</c> shows: overdue first, then the claim order; resolved ones last.</summary>
    public static IEnumerable<Handoff> InListOrder(IEnumerable<Handoff> handoffs) =>
        InClaimOrder(handoffs)
            .OrderBy(h => h.Status == HandoffStatus.Resolved)
            .ThenByDescending(h => h.Overdue);

    /// <summary>Why <paramref name="agent"/> may not take <paramref name="action"/> on the handoff, or null when allowed.</summary>
    /// <param name="handoff">The handoff with its effective status.</param>
    /// <param name="agent">Who asks.</param>
    /// <param name="action">The verb as the agent typed it: <c>reply</c>, <c>resolve</c>, <c>release</c> or <c>extend</c>.</param>
    public static string? Refusal(Handoff handoff, string agent, string action) => Refusal(handoff, agent, action, supervisor: false);

    /// <summary>Why the agent may not act, or null when allowed; a supervisor may also release someone else's claim.</summary>
    /// <param name="handoff">The handoff with its effective status.</param>
    /// <param name="agent">Who asks.</param>
    /// <param name="action">The verb: <c>claim</c>, <c>reply</c>, <c>resolve</c>, <c>release</c> or <c>extend</c>.</param>
    /// <param name="supervisor">Whether the agent has the supervisor role.</param>
    public static string? Refusal(Handoff handoff, string agent, string action, bool supervisor)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        if (handoff.Status == HandoffStatus.Resolved)
        {
            var by = handoff.Audit.LastOrDefault(entry => entry.Action == "resolved")?.Agent;
            return $"handoff {handoff.Id} is already resolved{(by is null ? "" : " by " + by)}; nothing more can be done with it";
        }

        if (handoff.Status == HandoffStatus.Claimed && !IsSameAgent(handoff.ClaimedBy, agent) && !(supervisor && action == "release"))
        {
            var until = handoff.ClaimedUntil?.ToUniversalTime().ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "?";
            return $"handoff {handoff.Id} is claimed by {handoff.ClaimedBy} until {until}; only {handoff.ClaimedBy} can {action} it";
        }

        if (handoff.Status == HandoffStatus.Open && action is "release" or "extend")
        {
            return $"handoff {handoff.Id} is not claimed by you, so there is nothing to {action} (claim work with `socialbot agent next`)";
        }

        return null;
    }

    public static bool IsSameAgent(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
}
