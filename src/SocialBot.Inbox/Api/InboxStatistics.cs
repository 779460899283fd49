using Azure;
using Azure.Data.Tables;
using SocialBot.Azure.Storage;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Hours;
using SocialBot.Core.Triage;

namespace SocialBot.Inbox.Api;

/// <summary>
/// Computes the dashboard from the stores: processed mentions from the ledger's <c>mention|…</c> rows in the
/// <c>conversations</c> table (received time, staffed or not, acknowledged, sentiment, channel: only those columns are
/// read), and handoffs with their audit trails from the desk (first reply time, due time).
/// </summary>
public sealed class InboxStatistics
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(7);

    private readonly TableClient _conversations;
    private readonly IHandoffDesk _desk;
    private readonly StaffedHours _hours;
    private readonly TimeProvider _time;

    public InboxStatistics(StorageClients clients, IHandoffDesk desk, StaffedHours hours, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _conversations = clients.Tables.GetTableClient(TableNames.Conversations);
        _desk = desk;
        _hours = hours;
        _time = time;
    }

    public async Task<DashboardView> ComputeAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var to = new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour + 1), TimeSpan.Zero);
        var from = to - Window;
        var staffed = new int[(int)Window.TotalHours];
        var afterHours = new int[staffed.Length];
        var sentiment = new SortedDictionary<string, int>(StringComparer.Ordinal) { ["positive"] = 0, ["neutral"] = 0, ["negative"] = 0, ["mixed"] = 0 };
        var networks = new Dictionary<string, NetworkAccumulator>(StringComparer.OrdinalIgnoreCase);
        int mentions = 0, acknowledgements = 0;

        var filter = TableClient.CreateQueryFilter($"RowKey ge {"mention|"} and RowKey lt {"mention}"} and ReceivedAt ge {from}");
        try
        {
            await foreach (var row in _conversations.QueryAsync<TableEntity>(filter, select: ["Channel", "ReceivedAt", "Staffed", "Acknowledged", "Sentiment"], cancellationToken: cancellationToken))
            {
                var received = row.GetDateTimeOffset("ReceivedAt");
                if (received is not { } at || at >= to)
                {
                    continue;
                }

                mentions++;
                var bucket = (int)((at - from).TotalHours);
                if (row.GetBoolean("Staffed") == true)
                {
                    staffed[bucket]++;
                }
                else
                {
                    afterHours[bucket]++;
                }

                var network = Network(networks, row.GetString("Channel"));
                network.Mentions++;
                if (row.GetBoolean("Acknowledged") == true)
                {
                    acknowledgements++;
                    network.Acknowledgements++;
                }

                if (row.GetString("Sentiment") is { } label && sentiment.TryGetValue(label, out var count))
                {
                    sentiment[label] = count + 1;
                    network.Negative += label == "negative" ? 1 : 0;
                }
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // No ledger yet: no mentions.
        }

        var handoffs = (await _desk.ListAsync(new HandoffFilter(), cancellationToken)).Where(h => h.CreatedAt >= from && h.CreatedAt < to).ToList();
        var responses = new List<long>();
        var breaches = 0;
        foreach (var handoff in handoffs)
        {
            var network = Network(networks, handoff.Channel);
            network.Handoffs++;
            var firstReply = handoff.Audit.FirstOrDefault(entry => entry.Action == "replied")?.At;
            if (firstReply is { } replied)
            {
                responses.Add((long)_hours.StaffedTimeBetween(handoff.CreatedAt, replied).TotalSeconds);
            }

            var breached = handoff.DueBy is { } due && (firstReply is { } answered ? answered > due : now > due && handoff.Status != HandoffStatus.Resolved);
            if (breached)
            {
                breaches++;
                network.SlaBreaches++;
            }
        }

        responses.Sort();
        return new DashboardView
        {
            From = from,
            To = to,
            TimeZone = _hours.TimeZoneId,
            Hours = Enumerable.Range(0, staffed.Length).Select(i => new HourBucket(from.AddHours(i), staffed[i], afterHours[i])).ToList(),
            Mentions = mentions,
            Acknowledgements = acknowledgements,
            Handoffs = handoffs.Count,
            HandoffsByPriority = new SortedDictionary<string, int>(StringComparer.Ordinal)
            {
                ["urgent"] = handoffs.Count(h => h.Priority == HandoffPriority.Urgent),
                ["normal"] = handoffs.Count(h => h.Priority == HandoffPriority.Normal),
            },
            FirstResponse = new FirstResponseView(responses.Count, Percentile(responses, 0.5), Percentile(responses, 0.9)),
            SlaBreaches = breaches,
            Sentiment = sentiment,
            Networks = networks.Values
                .OrderByDescending(n => n.Mentions + n.Handoffs)
                .ThenBy(n => n.Name, StringComparer.Ordinal)
                .Select(n => new NetworkFigures(n.Name, n.Mentions, n.Acknowledgements, n.Handoffs, n.SlaBreaches, n.Negative))
                .ToList(),
        };
    }

    /// <summary>Nearest-rank percentile of sorted values; null when there are none.</summary>
    public static long? Percentile(IReadOnlyList<long> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static NetworkAccumulator Network(Dictionary<string, NetworkAccumulator> networks, string? name)
    {
        var key = string.IsNullOrEmpty(name) ? "unknown" : name.ToLowerInvariant();
        if (!networks.TryGetValue(key, out var accumulator))
        {
            accumulator = new NetworkAccumulator(key);
            networks[key] = accumulator;
        }

        return accumulator;
    }

    private sealed class NetworkAccumulator(string name)
    {
        public string Name { get; } = name;

        public int Mentions { get; set; }

        public int Acknowledgements { get; set; }

        public int Handoffs { get; set; }

        public int SlaBreaches { get; set; }

        public int Negative { get; set; }
    }
}
