using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Serialization;
using SocialBot.Core.Triage;
using SocialBot.Testing;
using SocialBot.Testing.Inbox;

namespace SocialBot.InboxBench;

/// <summary>
/// <c>dotnet run -c Release --project bench/SocialBot.InboxBench -- latency [--handoffs 500] [--requests 200]</c> prints the
/// API's latency percentiles and the pages' load times in Chromium with that many handoffs in the store;
/// <c>-- screenshots [--out docs]</c> writes docs/inbox.png and docs/dashboard.png from the running inbox with a seeded week.
/// Azurite is started on free ports, in memory.
/// </summary>
internal static class InboxBenchProgram
{
    // Wednesday 10:00 in New York: staffed under the default hours.
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.FirstOrDefault() ?? "latency";
        if (command is not ("latency" or "screenshots"))
        {
            await Console.Error.WriteLineAsync("usage: latency [--handoffs N] [--requests N] | screenshots [--out DIR]");
            return 2;
        }

        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        try
        {
            var time = new FakeTimeProvider(Now);
            await using var host = await InboxTestHost.StartAsync(azurite.ConnectionString, time);
            return command == "latency"
                ? await LatencyAsync(host, Option(args, "--handoffs", 500), Option(args, "--requests", 200))
                : await ScreenshotsAsync(host, Value(args, "--out") ?? Path.Combine(AzuriteFixture.RepoRoot(), "docs"));
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task<int> LatencyAsync(InboxTestHost host, int handoffs, int requests)
    {
        var seeding = Stopwatch.StartNew();
        var networks = new[] { "x", "bluesky", "mastodon", "facebook", "instagram", "webchat" };
        var tickets = Enumerable.Range(0, handoffs).Select(i => InboxSeed.Ticket(
            networks[i % networks.Length],
            $"h{i:D5}",
            i % 5 == 0 ? HandoffPriority.Urgent : HandoffPriority.Normal,
            Now.AddMinutes(-(i % 2000)),
            Now.AddMinutes(240 - (i % 400)),
            "My order still hasn't arrived and nobody answers. " + new string('x', i % 200),
            networks[i % networks.Length] != "webchat",
            handle: "customer" + i)).ToList();
        await InboxSeed.HandOffAsync(host.Services, tickets);
        await InboxSeed.DemoWeekAsync(host.Services, Now, mentions: 300, openHandoffs: 0);
        var desk = host.Desk;
        await desk.ListAsync(new HandoffFilter());
        for (var i = 0; i < handoffs; i += 3)
        {
            await desk.ClaimAsync(tickets[i].Id, "agent" + (i % 7));
            if (i % 2 == 0)
            {
                await desk.ResolveAsync(tickets[i].Id, "agent" + (i % 7), "done");
            }
        }

        var total = (await desk.ListAsync(new HandoffFilter())).Count;
        seeding.Stop();

        using var agent = host.Client("bench-agent");
        using var supervisor = host.Client("bench-lead", "Agent,Supervisor");
        var open = tickets.Where((_, i) => i % 3 != 0).Select(t => t.Id).ToList();
        var results = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["handoffsInStore"] = total,
            ["seedSeconds"] = Math.Round(seeding.Elapsed.TotalSeconds, 1),
            ["GET /api/inbox/handoffs"] = await MeasureAsync(requests, _ => agent.GetAsync("/api/inbox/handoffs")),
            ["GET /api/inbox/handoffs?priority=urgent&overdue=true"] = await MeasureAsync(requests, _ => agent.GetAsync("/api/inbox/handoffs?priority=urgent&overdue=true")),
            ["GET /api/inbox/handoff"] = await MeasureAsync(requests, i => agent.GetAsync("/api/inbox/handoff?id=" + Uri.EscapeDataString(open[i % open.Count]))),
            ["POST /api/inbox/check"] = await MeasureAsync(requests, i => agent.PostAsJsonAsync("/api/inbox/check", new { id = open[i % open.Count], text = "Sorry about that! We'll sort it out today." })),
            ["POST claim+release"] = await MeasureAsync(Math.Min(requests, open.Count), async i =>
            {
                var id = Uri.EscapeDataString(open[i % open.Count]);
                var claimed = await agent.PostAsync("/api/inbox/handoff/claim?id=" + id, null);
                claimed.EnsureSuccessStatusCode();
                return await agent.PostAsync("/api/inbox/handoff/release?id=" + id, null);
            }),
            ["GET /api/inbox/dashboard"] = await MeasureAsync(Math.Max(10, requests / 10), _ => supervisor.GetAsync("/api/inbox/dashboard")),
        };

        await using var chromium = await SystemChromium.LaunchAsync();
        results["pageLoad /inbox"] = await PageLoadAsync(chromium, host, "bench-agent", "Agent", "/inbox", ".item", 10);
        results["pageLoad /inbox/dashboard"] = await PageLoadAsync(chromium, host, "bench-lead", "Agent,Supervisor", "/inbox/dashboard", "body[data-ready='true']", 10);
        Console.WriteLine(JsonSerializer.Serialize(results, SocialBotJson.Indented));
        return 0;
    }

    /// <summary>Sequential requests after two warm-ups; milliseconds at p50, p95 and max. Every answer must be a success.</summary>
    private static async Task<object> MeasureAsync(int count, Func<int, Task<HttpResponseMessage>> request)
    {
        for (var i = 0; i < 2; i++)
        {
            using var warm = await request(i);
            warm.EnsureSuccessStatusCode();
        }

        var samples = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await request(i);
            _ = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            response.EnsureSuccessStatusCode();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Summary(samples);
    }

    /// <summary>Navigation start to the selector showing (the queue rendered, or the dashboard drawn), in a warm browser context.</summary>
    private static async Task<object> PageLoadAsync(SystemChromium chromium, InboxTestHost host, string agent, string roles, string path, string ready, int count)
    {
        await using var context = await chromium.NewContextAsync(host.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/inbox/dev-signin?agent={agent}&roles={Uri.EscapeDataString(roles)}");
        var samples = new List<double>();
        for (var i = 0; i < count + 1; i++)
        {
            var watch = Stopwatch.StartNew();
            await page.GotoAsync(path);
            await page.Locator(ready).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            watch.Stop();
            if (i > 0)
            {
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return Summary(samples);
    }

    private static Dictionary<string, double> Summary(List<double> samples)
    {
        samples.Sort();
        double At(double fraction) => Math.Round(samples[Math.Clamp((int)Math.Ceiling(fraction * samples.Count) - 1, 0, samples.Count - 1)], 1);
        return new Dictionary<string, double>(StringComparer.Ordinal) { ["n"] = samples.Count, ["p50Ms"] = At(0.5), ["p95Ms"] = At(0.95), ["maxMs"] = Math.Round(samples[^1], 1) };
    }

    private static async Task<int> ScreenshotsAsync(InboxTestHost host, string directory)
    {
        await InboxSeed.DemoWeekAsync(host.Services, Now, mentions: 420, openHandoffs: 9);
        await host.Desk.ClaimAsync("bluesky/open0001", "sam@contoso.example");
        await using var chromium = await SystemChromium.LaunchAsync();

        await using (var context = await chromium.NewContextAsync(host.BaseAddress))
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/inbox/dev-signin?agent=riya%40contoso.example&roles=Agent,Supervisor");
            await page.Locator(".item").First.WaitForAsync();
            await page.Locator(".item[data-id='x/open0006']").ClickAsync();
            await page.Locator("#pane").WaitForAsync();
            await page.Locator("#claim").ClickAsync();
            await page.Locator("#d-state", new PageLocatorOptions { HasTextString = "You hold it" }).WaitForAsync();
            await page.Locator("#reply").FillAsync("So sorry about the wait! Could you call us on 555-010-4477 so we can sort out the delivery today?");
            await page.Locator("#warning").WaitForAsync();
            await page.Locator("#reply").BlurAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, "inbox.png") });
        }

        await using (var context = await chromium.NewContextAsync(host.BaseAddress))
        {
            var page = await context.NewPageAsync();
            await page.SetViewportSizeAsync(1366, 1100);
            await page.GotoAsync("/inbox/dev-signin?agent=lee%40contoso.example&roles=Agent,Supervisor");
            await page.GotoAsync("/inbox/dashboard");
            await page.Locator("body[data-ready='true']").WaitForAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, "dashboard.png"), FullPage = true });
        }

        Console.WriteLine($"wrote {Path.Combine(directory, "inbox.png")} and {Path.Combine(directory, "dashboard.png")}");
        return 0;
    }

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int Option(string[] args, string name, int fallback) =>
        Value(args, name) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
