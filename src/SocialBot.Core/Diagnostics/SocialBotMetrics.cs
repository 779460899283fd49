using System.Diagnostics;
using System.Diagnostics.Metrics;
using SocialBot.Core.Triage;

namespace SocialBot.Core.Diagnostics;

/// <summary>
/// The bot's metrics (Meter "SocialBot") and traces (ActivitySource "SocialBot"). Exporters (console, Azure Monitor)
/// subscribe by these names; with none subscribed every call here costs next to nothing. Tags carry no customer text.
/// </summary>
public static class SocialBotMetrics
{
    public const string Name = "SocialBot";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Triaged = Meter.CreateCounter<long>("socialbot.mentions.triaged", "{mention}", "Mentions triaged, by outcome.");
    private static readonly Counter<long> Handoffs = Meter.CreateCounter<long>("socialbot.handoffs", "{handoff}", "Handoffs to agents, by priority.");
    private static readonly Counter<long> Sentiments = Meter.CreateCounter<long>("socialbot.sentiment.labels", "{mention}", "Sentiment labels, by label and analyzer.");
    private static readonly Counter<long> Poisoned = Meter.CreateCounter<long>("socialbot.messages.poisoned", "{message}", "Messages moved to a poison queue, by queue.");
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("socialbot.messages.retries", "{attempt}", "Failed attempts that will be retried, by function.");
    private static readonly Histogram<double> AcknowledgementLatency = Meter.CreateHistogram<double>(
        "socialbot.acknowledgement.latency", "s", "From the mention's receivedAt to the acknowledgement being sent.");

    /// <summary>Records one triage decision: its outcome, the handoff priority and the sentiment label.</summary>
    public static void MentionTriaged(TriageDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var outcome = decision.Handoff is null ? "ignored" : "handedOff";
        Triaged.Add(1, new("channel", decision.Channel), new("outcome", outcome), new("acknowledged", decision.Acknowledge));
        if (decision.Handoff is { } handoff)
        {
            Handoffs.Add(1, new KeyValuePair<string, object?>("priority", handoff.Priority == HandoffPriority.Urgent ? "urgent" : "normal"));
        }

        if (decision.Sentiment is { } sentiment)
        {
            Sentiments.Add(1, new("label", sentiment.Label.ToString().ToLowerInvariant()), new("analyzer", sentiment.Analyzer));
        }
    }

    public static void MessagePoisoned(string queue) => Poisoned.Add(1, new KeyValuePair<string, object?>("queue", queue));

    public static void AttemptFailed(string function) => Retries.Add(1, new KeyValuePair<string, object?>("function", function));

    public static void AcknowledgementSent(string channel, TimeSpan latency) =>
        AcknowledgementLatency.Record(Math.Max(0, latency.TotalSeconds), new KeyValuePair<string, object?>("channel", channel));
}
