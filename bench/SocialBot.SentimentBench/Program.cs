// Speed and memory of the sentiment stages in one run (figures for ADR-003; not a test):
//   dotnet run -c Release --project bench/SocialBot.SentimentBench -- [DATA.tsv] [N]
// Prints: process start to first lexicon decision and to first model decision, working set before and after the model
// loads, texts/s for the lexicon and the hybrid head (one at a time and in batches of 32), and p50/p99 of one triage
// decision through the default cascade stages (lexicon fast path, then the head; Azure excluded: it is a network call).
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core;
using SocialBot.Core.Mentions;
using SocialBot.Core.Sentiment;
using SocialBot.Core.Sentiment.Evaluation;
using SocialBot.Core.Triage;
using SocialBot.Models;
using SocialBot.Models.Embeddings;
using SocialBot.Models.Sentiment;
using SocialBot.Core.Configuration;

var data = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "data", "sentiment", "dev-vader-tweets.tsv");
var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();

var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["SocialBot:Sentiment:Analyzer"] = "hybrid" })
    .AddSocialBotDefaults()
    .Build();
var services = new ServiceCollection();
services.AddSocialBotCore(configuration);
services.AddSocialBotEmbeddings(configuration);
await using var provider = services.BuildServiceProvider();

var lexicon = (EmbeddedSentimentAnalyzer)provider.GetRequiredKeyedService<ISentimentAnalyzer>("embedded");
_ = lexicon.Analyze("still waiting for my refund");
Report("process start to first lexicon decision", $"{(DateTime.UtcNow - started).TotalMilliseconds:F0} ms");
var before = WorkingSetMb();
Report("working set, lexicon only (model not loaded)", $"{before:F0} MB");

var hybrid = (HybridSentimentAnalyzer)provider.GetRequiredKeyedService<ISentimentAnalyzer>("hybrid");
var first = await hybrid.AnalyzeAsync("I ordered on Monday and the app says pending");
Report("process start to first model decision", $"{(DateTime.UtcNow - started).TotalMilliseconds:F0} ms ({first.Analyzer})");
var after = WorkingSetMb();
Report("working set with the model loaded", $"{after:F0} MB (+{after - before:F0} MB)");

var rows = (await LabeledTextReader.ReadFileAsync(data)).Take(n).Select(r => r.Text).ToArray();
Report("texts", $"{rows.Length} from {Path.GetFileName(data)}");

var stopwatch = Stopwatch.StartNew();
foreach (var text in rows)
{
    _ = lexicon.Analyze(text);
}

Report("lexicon, one at a time", $"{rows.Length / stopwatch.Elapsed.TotalSeconds:N0} texts/s");

var headOnly = new HybridSentimentAnalyzer(provider.GetRequiredService<MiniLmTextEmbedder>(), provider.GetRequiredService<HybridHead>(), lexicon, lexiconSure: 1.01);
stopwatch.Restart();
foreach (var text in rows)
{
    _ = await headOnly.AnalyzeAsync(text);
}

Report("hybrid head (every text embedded), one at a time", $"{rows.Length / stopwatch.Elapsed.TotalSeconds:N0} texts/s");
stopwatch.Restart();
foreach (var chunk in rows.Chunk(32))
{
    _ = await headOnly.AnalyzeBatchAsync(chunk);
}

Report("hybrid head (every text embedded), batches of 32", $"{rows.Length / stopwatch.Elapsed.TotalSeconds:N0} texts/s");

var triage = provider.GetRequiredService<TriagePolicy>();
var at = new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.FromHours(-5));
var latencies = new List<double>(rows.Length);
for (var i = 0; i < rows.Length; i++)
{
    var mention = new Mention
    {
        Id = $"b{i}",
        Channel = "twitter",
        ConversationId = $"b{i}",
        Author = new MentionAuthor { Id = "u1", Handle = "@bench", Name = "Bench" },
        Text = rows[i],
        ReceivedAt = at,
        IsPublic = true,
    };
    var one = Stopwatch.StartNew();
    _ = await triage.DecideAsync(mention, at);
    latencies.Add(one.Elapsed.TotalMilliseconds);
}

latencies.Sort();
var (lexiconDecided, headDecided) = hybrid.Decided;
Report("triage decision through lexicon -> hybrid", $"p50 {Percentile(latencies, 0.50):F2} ms, p99 {Percentile(latencies, 0.99):F2} ms, max {latencies[^1]:F2} ms");
Report("stage shares in the triage run", $"lexicon {lexiconDecided - 0}, hybrid head {headDecided} (includes the first decision)");
return 0;

static double WorkingSetMb()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    using var process = Process.GetCurrentProcess();
    process.Refresh();
    return process.WorkingSet64 / (1024.0 * 1024.0);
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static void Report(string what, string value) => Console.WriteLine($"{what,-52} {value}");
