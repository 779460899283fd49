using System.Globalization;
using System.Text.Json.Serialization;

namespace SocialBot.LoadTest;

/// <summary>Everything one run measured; printed as JSON on stdout.</summary>
internal sealed record LoadTestReport
{
    public required MachineInfo Machine { get; init; }

    public required string Command { get; init; }

    public required RawQueueResult RawAzurite { get; init; }

    public ScenarioResult? Sustained { get; init; }

    public ScenarioResult? Drain { get; init; }

    /// <summary>Drain mentions per second over Azurite's raw receive-and-delete rate with the app's pattern (batch 16).</summary>
    public double? DrainRatioToRaw { get; init; }

    /// <summary>The same drain rate over the raw rate with batches of 32.</summary>
    public double? DrainRatioToRaw32 { get; init; }

    /// <summary>
    /// The app's storage requests per second during the drain over Azurite's raw requests per second: how close the app
    /// drives Azurite to its limit, whatever the number of requests a mention needs.
    /// </summary>
    public double? DrainRequestRatioToRaw { get; init; }
}

internal sealed record MachineInfo(int ProcessorCount, string Runtime, string Os, long TotalMemoryBytes);

/// <summary>Azurite's own queue throughput, one producer with 16 sends in flight and one consumer, no app code.</summary>
internal sealed record RawQueueResult
{
    public required int Messages { get; init; }

    public required double SendPerSecond { get; init; }

    /// <summary>Receive 16, delete each concurrently, repeat: the app's listener pattern.</summary>
    public required double ReceiveDeleteBatch16PerSecond { get; init; }

    /// <summary>Receive 32 (the service maximum), delete each concurrently, repeat.</summary>
    public required double ReceiveDeleteBatch32PerSecond { get; init; }

    /// <summary>Storage requests (receives and deletes) per second in the batch-16 pattern: what Azurite sustains per request.</summary>
    public required double ReceiveDeleteBatch16RequestsPerSecond { get; init; }
}

internal sealed record ScenarioResult
{
    public required string Name { get; init; }

    public required int Mentions { get; init; }

    /// <summary>Target enqueue rate (mentions/s); null for the drain run, which enqueues everything before the app starts.</summary>
    public double? TargetRate { get; init; }

    public double? AchievedEnqueueRate { get; init; }

    public required int Replied { get; init; }

    public required bool Complete { get; init; }

    /// <summary>Deliveries that repeated a mention already replied to (must be 0).</summary>
    public required int RepeatedReplies { get; init; }

    public required double Seconds { get; init; }

    /// <summary>Mentions replied per second over the run (first enqueue, or app start for the drain, to last reply).</summary>
    public required double MentionsPerSecond { get; init; }

    /// <summary>Enqueue-to-reply latency in milliseconds; for the drain run it includes the time spent queued before the app started.</summary>
    public LatencySummary? LatencyMs { get; init; }

    public required IReadOnlyDictionary<string, long> StorageOperations { get; init; }

    /// <summary>The app's storage requests per mention, every kind (the ingester's enqueue not included).</summary>
    public required double StorageOperationsPerMention { get; init; }

    /// <summary>The same without receives that found the queue empty (polling).</summary>
    public required double StorageOperationsPerMentionExcludingEmptyPolls { get; init; }

    /// <summary>The app's storage requests per second over the run.</summary>
    public required double StorageOperationsPerSecond { get; init; }

    /// <summary>Idle receive requests per second per listener before any load (sustained run only).</summary>
    public double? IdlePollsPerSecondPerListener { get; init; }

    /// <summary><c>socialbot status</c> after the run.</summary>
    public required OutcomeCounts Outcomes { get; init; }
}

internal sealed record LatencySummary(double P50, double P90, double P99, double Max, double Mean)
{
    public static LatencySummary? Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        return new LatencySummary(Percentile(sorted, 50), Percentile(sorted, 90), Percentile(sorted, 99), sorted[^1], sorted.Average());
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(double[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

internal sealed record OutcomeCounts(int Received, int HandedOff, int Ignored, int Poisoned, int Pending, int Acknowledged);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LoadTestReport))]
internal sealed partial class LoadReportJson : JsonSerializerContext
{
}

/// <summary>The human table (stderr, so stdout stays one JSON document).</summary>
internal static class LoadReportTable
{
    public static void Write(TextWriter writer, LoadTestReport report)
    {
        var raw = report.RawAzurite;
        writer.WriteLine();
        writer.WriteLine($"machine: {report.Machine.ProcessorCount} cores, {report.Machine.TotalMemoryBytes / (1024 * 1024)} MiB, {report.Machine.Runtime}, {report.Machine.Os}");
        writer.WriteLine($"raw Azurite ({raw.Messages} messages): send {F(raw.SendPerSecond)}/s, receive+delete batch 16 {F(raw.ReceiveDeleteBatch16PerSecond)}/s ({F(raw.ReceiveDeleteBatch16RequestsPerSecond)} requests/s), batch 32 {F(raw.ReceiveDeleteBatch32PerSecond)}/s");
        writer.WriteLine();
        writer.WriteLine($"{"run",-10} {"n",6} {"target/s",9} {"done/s",8} {"p50 ms",9} {"p90 ms",9} {"p99 ms",9} {"max ms",9} {"ops/m",6} {"ops/m*",7} {"outcomes",-28}");
        foreach (var run in new[] { report.Sustained, report.Drain }.OfType<ScenarioResult>())
        {
            var latency = run.LatencyMs;
            var outcome = $"ack {run.Outcomes.Acknowledged} poison {run.Outcomes.Poisoned} pend {run.Outcomes.Pending}";
            writer.WriteLine($"{run.Name,-10} {run.Replied,6} {(run.TargetRate is { } t ? F(t) : "-"),9} {F(run.MentionsPerSecond),8} {F(latency?.P50),9} {F(latency?.P90),9} {F(latency?.P99),9} {F(latency?.Max),9} {F(run.StorageOperationsPerMention),6} {F(run.StorageOperationsPerMentionExcludingEmptyPolls),7} {outcome,-28}{(run.Complete ? "" : " INCOMPLETE")}");
        }

        if (report.DrainRatioToRaw is { } ratio)
        {
            writer.WriteLine($"drain / raw receive+delete: {ratio.ToString("0.00", CultureInfo.InvariantCulture)} (batch 16), {report.DrainRatioToRaw32?.ToString("0.00", CultureInfo.InvariantCulture)} (batch 32); app requests/s over raw requests/s: {report.DrainRequestRatioToRaw?.ToString("0.00", CultureInfo.InvariantCulture)}");
        }

        writer.WriteLine("ops/m = app storage requests per mention; ops/m* = the same without empty polls");
    }

    private static string F(double? value) => value is { } v ? v.ToString(v >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture) : "-";
}
