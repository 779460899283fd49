using SocialBot.Core.Mentions;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Triage;

namespace SocialBot.Core.Processing;

/// <summary>A conversation handed to people: everything an agent needs to answer, on the handoffs queues.</summary>
public sealed record HandoffTicket
{
    /// <summary><c>{channel}/{mentionId}</c>: one handoff per mention, whatever the retries.</summary>
    public required string Id { get; init; }

    public required Mention Mention { get; init; }

    public required HandoffPriority Priority { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    public DateTimeOffset? DueBy { get; init; }

    public SentimentResult? Sentiment { get; init; }

    /// <summary>The automatic acknowledgement already sent, if any.</summary>
    public string? Acknowledgement { get; init; }

    public required bool ArrivedAfterHours { get; init; }

    public required DateTimeOffset HandedOffAt { get; init; }

    public required IReadOnlyList<string> Trace { get; init; }
}
