using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Azure.Storage;
using SocialBot.LocalHost;
using SocialBot.Testing;

namespace SocialBot.LoadTest;

/// <summary>
/// One run of the app in standalone mode, in-process, against the storage account, with queue names of its own (so runs
/// never see each other's messages) and a clock fixed after hours (real timers), so every mention is acknowledged.
/// </summary>
internal sealed class LoadScenario
{
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    private readonly string _connectionString;
    private readonly QueueServiceClient _queues;
    private readonly string _tag;
    private readonly int _count;
    private readonly MentionGenerator _mentions;
    private readonly StorageOperationCounter _counter = new();
    private readonly ReplyRecorder _recorder = new();

    public LoadScenario(string connectionString, QueueServiceClient queues, string tag, int count)
    {
        _connectionString = connectionString;
        _queues = queues;
        _tag = tag;
        _count = count;
        _mentions = new MentionGenerator(tag, FixedClock.AfterHours.GetUtcNow().AddMinutes(-1));
    }

    private string MentionsQueue => $"mentions-{_tag}";

    /// <summary>Starts the app, measures idle polling, then enqueues at <paramref name="rate"/> per second while it runs.</summary>
    public async Task<ScenarioResult> RunSustainedAsync(double rate, CancellationToken cancellationToken)
    {
        await using var app = BuildApp();
        await app.StartAsync(cancellationToken);
        var idleStart = _counter.Snapshot();
        await Task.Delay(IdleWindow, cancellationToken);
        var idle = StorageOperationCounter.Difference(_counter.Snapshot(), idleStart);
        var idlePolls = (idle.GetValueOrDefault("queue.receive.empty") + idle.GetValueOrDefault("queue.receive")) / IdleWindow.TotalSeconds / 2;

        var before = _counter.Snapshot();
        var queue = _queues.GetQueueClient(MentionsQueue);
        var enqueued = new long[_count];
        var start = Stopwatch.GetTimestamp();
        var sends = new List<Task>(_count);
        using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Clamp(1000 / rate, 1, 10))))
        {
            var next = 0;
            while (next < _count && await timer.WaitForNextTickAsync(cancellationToken))
            {
                var due = Math.Min(_count, (int)(Stopwatch.GetElapsedTime(start).TotalSeconds * rate) + 1);
                for (; next < due; next++)
                {
                    enqueued[next] = Stopwatch.GetTimestamp();
                    sends.Add(queue.SendMessageAsync(_mentions.Message(next), cancellationToken));
                }
            }
        }

        var enqueueSeconds = Stopwatch.GetElapsedTime(enqueued[0], enqueued[^1]).TotalSeconds;
        await Task.WhenAll(sends);
        var complete = await WaitForRepliesAsync(cancellationToken);
        return await FinishAsync(app, "sustained", rate, _count / Math.Max(enqueueSeconds, 1e-9), enqueued, start, complete, before, idlePolls, cancellationToken);
    }

    /// <summary>Starts the app, leaves it idle for <paramref name="idle"/>, then times one mention from enqueue to reply.</summary>
    public async Task<double> RunIdleAsync(TimeSpan idle, CancellationToken cancellationToken)
    {
        await using var app = BuildApp();
        await app.StartAsync(cancellationToken);
        var queue = _queues.GetQueueClient(MentionsQueue);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Task.Delay(idle, cancellationToken);
        var start = Stopwatch.GetTimestamp();
        await queue.SendMessageAsync(_mentions.Message(0), cancellationToken);
        while (_recorder.Count < 1)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
        }

        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        await app.StopAsync(cancellationToken);
        return elapsed;
    }

    /// <summary>Enqueues everything first, then starts the app and times it until every mention is replied to.</summary>
    public async Task<ScenarioResult> RunDrainAsync(CancellationToken cancellationToken)
    {
        var queue = _queues.GetQueueClient(MentionsQueue);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var enqueuedAt = Stopwatch.GetTimestamp();
        await RawQueueBenchmark.SendAsync(queue, _count, cancellationToken, _mentions.Message);
        var enqueued = Enumerable.Repeat(enqueuedAt, _count).ToArray();

        await using var app = BuildApp();
        var before = _counter.Snapshot();
        var start = Stopwatch.GetTimestamp();
        await app.StartAsync(cancellationToken);
        var complete = await WaitForRepliesAsync(cancellationToken);
        return await FinishAsync(app, "drain", null, null, enqueued, start, complete, before, null, cancellationToken);
    }

    private WebApplication BuildApp() => LocalHostApp.Build([], builder =>
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = _connectionString,
            ["SocialBot:Queues:Mentions"] = MentionsQueue,
            ["SocialBot:Queues:Replies"] = $"replies-{_tag}",
            ["SocialBot:Queues:Handoffs"] = $"handoffs-{_tag}",
            ["SocialBot:Queues:UrgentHandoffs"] = $"handoffs-urgent-{_tag}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:SocialBot"] = "Error",
        });
        builder.Services.AddSingleton<TimeProvider>(FixedClock.AfterHours);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Host.UseServiceProviderFactory(new InstrumentedServices(_connectionString, _counter, _recorder));
    });

    private async Task<bool> WaitForRepliesAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (_recorder.Count < _count)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<ScenarioResult> FinishAsync(
        WebApplication app,
        string name,
        double? rate,
        double? achievedRate,
        long[] enqueued,
        long start,
        bool complete,
        IReadOnlyDictionary<string, long> before,
        double? idlePolls,
        CancellationToken cancellationToken)
    {
        var delivered = _recorder.Delivered;
        var last = delivered.Count == 0 ? Stopwatch.GetTimestamp() : delivered.Values.Max();
        var seconds = Stopwatch.GetElapsedTime(start, last).TotalSeconds;
        var latencies = new List<double>(_count);
        for (var i = 0; i < _count; i++)
        {
            if (delivered.TryGetValue(MentionGenerator.IdOf(_tag, i), out var at))
            {
                latencies.Add(Stopwatch.GetElapsedTime(enqueued[i], at).TotalMilliseconds);
            }
        }

        // Let the last deletes and markers land, then count.
        await Task.Delay(Settle, CancellationToken.None);
        var operations = StorageOperationCounter.Difference(_counter.Snapshot(), before);
        var total = operations.Values.Sum();
        var polls = operations.GetValueOrDefault("queue.receive.empty");
        var status = await app.Services.GetRequiredService<StorageStatus>().ReadAsync(CancellationToken.None);
        var outcomes = await CountOutcomesAsync(status);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await app.StopAsync(stop.Token);
        return new ScenarioResult
        {
            Name = name,
            Mentions = _count,
            TargetRate = rate,
            AchievedEnqueueRate = achievedRate,
            Replied = delivered.Count,
            Complete = complete && !cancellationToken.IsCancellationRequested,
            RepeatedReplies = _recorder.Repeats,
            Seconds = seconds,
            MentionsPerSecond = delivered.Count / Math.Max(seconds, 1e-9),
            LatencyMs = LatencySummary.Of(latencies),
            StorageOperations = operations,
            StorageOperationsPerMention = (double)total / _count,
            StorageOperationsPerMentionExcludingEmptyPolls = (double)(total - polls) / _count,
            StorageOperationsPerSecond = total / Math.Max(seconds, 1e-9),
            IdlePollsPerSecondPerListener = idlePolls,
            Outcomes = outcomes,
        };
    }

    /// <summary>
    /// <c>socialbot status</c> restricted to this run: queue depths come from the run's own queues, the outcomes from
    /// this run's rows in the shared <c>conversations</c> table (read with a client outside the count).
    /// </summary>
    private async Task<OutcomeCounts> CountOutcomesAsync(StatusReport status)
    {
        var table = new TableServiceClient(_connectionString).GetTableClient(TableNames.Conversations);
        int handedOff = 0, ignored = 0, acknowledged = 0;
        var filter = $"RowKey ge 'mention|{_tag}-' and RowKey lt 'mention|{_tag}.'";
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["Outcome", "Acknowledged"]))
        {
            _ = entity.GetString("Outcome") == "handedOff" ? handedOff++ : ignored++;
            acknowledged += entity.GetBoolean("Acknowledged") == true ? 1 : 0;
        }

        return new OutcomeCounts(handedOff + ignored + status.Poisoned + status.Pending, handedOff, ignored, status.Poisoned, status.Pending, acknowledged);
    }
}
