using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Azure.Storage.Queues;
using SocialBot.Testing;

namespace SocialBot.LoadTest;

/// <summary>
/// Measures raw Azurite queue throughput, then runs the app under load (sustained at a rate, and a drain), and prints a
/// JSON report on stdout and a table on stderr. Stops itself at <c>--timeout</c>; only loopback traffic with its own Azurite.
/// </summary>
internal static class LoadTestProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        LoadTestOptions options;
        try
        {
            options = LoadTestOptions.Parse(args);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync($"socialbot-loadtest: {exception.Message}");
            return 2;
        }

        using var deadline = new CancellationTokenSource(options.Timeout);
        var azurite = options.Connection is null ? new AzuriteFixture() : null;
        try
        {
            string connection;
            if (azurite is not null)
            {
                await Console.Error.WriteLineAsync("starting Azurite (in memory, loopback)...");
                await azurite.InitializeAsync();
                connection = azurite.ConnectionString;
            }
            else
            {
                connection = options.Connection!;
            }

            var queues = new QueueServiceClient(connection, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
            var tag = Guid.NewGuid().ToString("N")[..8];
            if (options.Scenario == "idle")
            {
                var idleMs = await new LoadScenario(connection, queues, $"i{tag}", 1).RunIdleAsync(TimeSpan.FromSeconds(60), deadline.Token);
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{{\"firstMessageAfter60sIdleMs\":{idleMs:F0}}}"));
                return 0;
            }

            if (options.Scenario == "startup")
            {
                var sample = await File.ReadAllTextAsync(Path.Combine(AzuriteFixture.RepoRoot(), "samples", "mentions", "shipping-question.json"), deadline.Token);
                var (firstReplyMs, workingSet) = await StartupProbe.RunAsync(connection, options.App!, sample, deadline.Token);
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{{\"processStartToFirstReplyMs\":{firstReplyMs:F0},\"workingSetMB\":{workingSet / 1048576.0:F0}}}"));
                return 0;
            }

            using var http = new HttpStorageCounter(connection);
            await Console.Error.WriteLineAsync($"raw Azurite queue throughput with {options.RawCount} messages...");
            var raw = await RawQueueBenchmark.MeasureAsync(queues, tag, options.RawCount, deadline.Token);

            ScenarioResult? sustained = null;
            ScenarioResult? drain = null;
            if (options.RunsSustained)
            {
                await Console.Error.WriteLineAsync($"sustained: {options.Count} mentions at {options.Rate.ToString(CultureInfo.InvariantCulture)}/s...");
                var httpBefore = http.Count;
                sustained = await new LoadScenario(connection, queues, $"s{tag}", options.Count).RunSustainedAsync(options.Rate, deadline.Token);
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"sustained: {(http.Count - httpBefore) / (double)options.Count:F2} HTTP storage requests per mention, all clients (including the tool's own enqueue, 1 per mention, and its status reads)"));
            }

            if (options.RunsDrain)
            {
                await Console.Error.WriteLineAsync($"drain: {options.Count} mentions enqueued, then the app started...");
                var httpBefore = http.Count;
                drain = await new LoadScenario(connection, queues, $"d{tag}", options.Count).RunDrainAsync(deadline.Token);
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"drain: {(http.Count - httpBefore) / (double)options.Count:F2} HTTP storage requests per mention, all clients (including the tool's own enqueue and status reads)"));
            }

            var report = new LoadTestReport
            {
                Machine = new MachineInfo(
                    Environment.ProcessorCount,
                    RuntimeInformation.FrameworkDescription,
                    RuntimeInformation.OSDescription,
                    GC.GetGCMemoryInfo().TotalAvailableMemoryBytes),
                Command = "dotnet run --project bench/SocialBot.LoadTest -c Release -- " + string.Join(' ', args),
                RawAzurite = raw,
                Sustained = sustained,
                Drain = drain,
                DrainRatioToRaw = drain is null ? null : drain.MentionsPerSecond / raw.ReceiveDeleteBatch16PerSecond,
                DrainRatioToRaw32 = drain is null ? null : drain.MentionsPerSecond / raw.ReceiveDeleteBatch32PerSecond,
                DrainRequestRatioToRaw = drain is null ? null : drain.StorageOperationsPerSecond / raw.ReceiveDeleteBatch16RequestsPerSecond,
            };
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(report, LoadReportJson.Default.LoadTestReport));
            LoadReportTable.Write(Console.Error, report);
            return new[] { sustained, drain }.All(run => run is null || (run.Complete && run.RepeatedReplies == 0 && run.Outcomes.Poisoned == 0)) ? 0 : 1;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"socialbot-loadtest: stopped at the {options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s limit");
            return 1;
        }
        finally
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
        }
    }
}
