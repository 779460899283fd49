using SocialBot.Core.Triage;

namespace SocialBot.Core.Processing;

/// <summary>What the ledger knows about a mention and its conversation.</summary>
public sealed record LedgerState(bool AlreadyProcessed, ConversationHistory History)
{
    /// <summary>The version of the conversation state this was read at (opaque to callers; null when there was none).</summary>
    public string? Version { get; init; }

    /// <summary>The version of the author's acknowledgement record (opaque; null when there was none).</summary>
    public string? AcknowledgementVersion { get; init; }
}
