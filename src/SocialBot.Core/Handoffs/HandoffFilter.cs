using SocialBot.Core.Triage;

namespace SocialBot.Core.Handoffs;

/// <summary>What <see cref="IHandoffDesk.ListAsync(HandoffFilter, CancellationToken)"/> keeps; an unset filter keeps everything.</summary>
public sealed record HandoffFilter
{
    public HandoffStatus? Status { get; init; }

    public HandoffPriority? Priority { get; init; }

    /// <summary>The channel (network) name, compared without case.</summary>
    public string? Network { get; init; }

    /// <summary>True keeps only overdue handoffs, false only those not overdue.</summary>
    public bool? Overdue { get; init; }

    public bool Matches(Handoff handoff)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        return (Status is null || handoff.Status == Status)
            && (Priority is null || handoff.Priority == Priority)
            && (Network is null || string.Equals(handoff.Channel, Network.Trim(), StringComparison.OrdinalIgnoreCase))
            && (Overdue is null || handoff.Overdue == Overdue);
    }
}
