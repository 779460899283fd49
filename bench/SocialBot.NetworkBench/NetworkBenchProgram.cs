using System.Diagnostics;
using System.Globalization;
using SocialBot.Testing;
using SocialBot.Testing.LocalHost;
using SocialBot.Testing.Networks;

namespace SocialBot.NetworkBench;

/// <summary>
/// <c>dotnet run --project bench/SocialBot.NetworkBench -c Release -- [--mentions N] [--poll-seconds S]</c>: the app on
/// the local host over Azurite with the three fake networks. Each round puts one new mention (a new customer each time)
/// on every network at once, waits until each fake received its reply, then waits a varying part of the poll interval
/// (so mentions land at every phase of the poll). Prints per network the latency from the mention becoming visible at
/// the fake to the reply POST arriving there, and from the first poll that served it to the reply, and the API requests
/// the fake received per mention answered, by endpoint.
/// </summary>
internal static class NetworkBenchProgram
{
    private static readonly TimeSpan ReplyLimit = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var mentions = Value(args, "--mentions", 10);
        var pollSeconds = Value(args, "--poll-seconds", 5);
        const string Schedule = "*/1 * * * * *";

        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        await using var networks = await FakeNetworks.StartAsync(randomCredentials: true);
        var clock = new RunningClock(FixedClock.AfterHours.GetUtcNow());
        foreach (var network in networks.All)
        {
            network.Time = clock;
        }

        var settings = networks.Settings();
        settings["SocialBot:Networks:PollSchedule"] = Schedule;
        foreach (var section in new[] { "X", "Bluesky", "Mastodon" })
        {
            settings[$"SocialBot:Networks:{section}:PollSeconds"] = pollSeconds.ToString(CultureInfo.InvariantCulture);
        }

        var started = Stopwatch.GetTimestamp();
        await using (var app = await RunningApp.StartAsync(azurite, clock, settings: settings))
        {
            for (var round = 1; round <= mentions; round++)
            {
                networks.X.AddMention($"@MarketHall where is my order {round}? It has not arrived", $"customer{round}", $"Customer {round}");
                networks.Bluesky.AddMention($"@markethall.bsky.social where is my order {round}? It has not arrived", $"customer{round}.bsky.social", $"Customer {round}");
                networks.Mastodon.AddMention($"@markethall where is my order {round}? It has not arrived", $"customer{round}@social.example", $"Customer {round}");
                var deadline = Stopwatch.GetTimestamp();
                while (networks.All.Any(network => network.Posts.Count < round))
                {
                    if (Stopwatch.GetElapsedTime(deadline) > ReplyLimit)
                    {
                        await output.WriteLineAsync($"round {round}: no reply within {ReplyLimit.TotalSeconds} s on " + string.Join(", ", networks.All.Where(n => n.Posts.Count < round).Select(n => n.Network)));
                        return 1;
                    }

                    await Task.Delay(20);
                }

                // A varying offset into the poll interval before the next round (0.37 of it per round, modulo 1).
                await Task.Delay(TimeSpan.FromSeconds(pollSeconds * (round * 0.37 % 1)));
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        await azurite.DisposeAsync();
        await ReportAsync(output, networks, mentions, pollSeconds, Schedule, elapsed);
        return 0;
    }

    private static async Task ReportAsync(TextWriter output, FakeNetworks networks, int mentions, int pollSeconds, string schedule, TimeSpan elapsed)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Network bench: {mentions} mentions per network through the local host + Azurite + fake APIs; PollNetworks timer '{schedule}', PollSeconds {pollSeconds} per feed; run {elapsed.TotalSeconds:F0} s."));
        await output.WriteLineAsync($"{"network",-9} {"visible→reply p50",18} {"max",8} {"served→reply p50",17} {"max",8}  replies");
        foreach (var network in networks.All)
        {
            var feed = FeedEndpoint(network);
            var arrivals = network.Arrivals;
            var visible = new List<double>();
            var served = new List<double>();
            foreach (var mention in network.Mentions)
            {
                var post = network.Posts.First(p => p.InReplyTo == mention.Id);
                visible.Add(Stopwatch.GetElapsedTime(mention.VisibleAt, post.ReceivedTimestamp).TotalMilliseconds);
                var firstPoll = arrivals.First(a => a.Endpoint == feed && a.Timestamp >= mention.VisibleAt).Timestamp;
                served.Add(Stopwatch.GetElapsedTime(firstPoll, post.ReceivedTimestamp).TotalMilliseconds);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{network.Network,-9} {Percentile(visible, 0.5),15:F0} ms {visible.Max(),5:F0} ms {Percentile(served, 0.5),14:F0} ms {served.Max(),5:F0} ms  {network.Posts.Count}"));
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("API requests the fakes received, per mention answered (polls run on a schedule, so their share falls as mentions get denser):");
        foreach (var network in networks.All)
        {
            var counts = network.RequestCounts();
            var answered = network.Posts.Count;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{network.Network,-9} total {counts.Values.Sum() / (double)answered:F2} per mention ({counts.Values.Sum()} requests, {answered} replies)"));
            foreach (var (endpoint, count) in counts)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"            {endpoint,-52} {count,5}  {count / (double)answered,6:F2} per mention"));
            }
        }
    }

    private static string FeedEndpoint(FakeNetworkApi network) => network switch
    {
        FakeXApi => $"GET /2/users/{FakeXApi.UserId}/mentions",
        FakeBlueskyApi => "GET /xrpc/app.bsky.notification.listNotifications",
        _ => "GET /api/v1/notifications",
    };

    private static double Percentile(List<double> values, double quantile)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Ceiling(quantile * sorted.Count) - 1];
    }

    private static int Value(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }
}
