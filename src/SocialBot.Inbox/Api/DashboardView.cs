using Azure.Data.Tables;

namespace SocialBot.Inbox.Api;

/// <summary>The supervisors' dashboard figures over the last seven days.</summary>
public sealed record DashboardView
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required string TimeZone { get; init; }

    /// <summary>168 hourly buckets (UTC hour starts), oldest first.</summary>
    public required IReadOnlyList<HourBucket> Hours { get; init; }

    public required int Mentions { get; init; }

    public required int Acknowledgements { get; init; }

    public required int Handoffs { get; init; }

    public required IReadOnlyDictionary<string, int> HandoffsByPriority { get; init; }

    public required FirstResponseView FirstResponse { get; init; }

    /// <summary>Handoffs answered after their due time, or still unanswered past it.</summary>
    public required int SlaBreaches { get; init; }

    public required IReadOnlyDictionary<string, int> Sentiment { get; init; }

    public required IReadOnlyList<NetworkFigures> Networks { get; init; }
}
