using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Networks;
using SocialBot.Networks;
using SocialBot.Networks.Common;

namespace SocialBot.Cli.Commands;

/// <summary>
/// <c>networks</c>: each social network's state (configured, last poll, cursor, last error, replies posted), read from
/// the <c>networks</c> table; <c>networks check</c>: verifies each configured network's credentials against its API
/// and exits 1 with one line per failing network.
/// </summary>
internal static class NetworksCommand
{
    public static Command Create(CliConsole console, CliServices services)
    {
        var command = new Command("networks", "Each social network: configured, last poll, cursor, last error, replies posted.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var configFile = parseResult.GetValue(CliOptions.Config);
            using var provider = Build(services, configFile);
            var store = provider.GetRequiredService<INetworkStateStore>();
            var views = new List<NetworkView>();
            foreach (var (name, section, configured) in NetworkCatalog.Describe(CliHost.LoadConfiguration(configFile)))
            {
                var feeds = await StorageCommands.Storage(() => store.ListAsync(name, cancellationToken));
                var replies = await StorageCommands.Storage(() => store.CountRepliesAsync(name, cancellationToken));
                views.Add(new NetworkView(
                    name,
                    configured,
                    section,
                    feeds.Select(feed => feed.LastPollAt).Max(),
                    replies,
                    [.. feeds.OrderBy(feed => feed.Feed, StringComparer.Ordinal).Select(feed => new FeedView(feed.Feed, feed.Cursor, feed.LastPollAt, feed.NotBefore, feed.LastError, feed.LastErrorAt, feed.Enqueued))]));
            }

            if (CliOptions.IsText(parseResult))
            {
                foreach (var view in views)
                {
                    console.Output.WriteLine($"{view.Network,-9} {(view.Configured ? "configured" : $"off (no credentials under {view.Section})")}; last poll {Stamp(view.LastPollAt)}; replies posted {view.RepliesSent.ToString(CultureInfo.InvariantCulture)}");
                    foreach (var feed in view.Feeds)
                    {
                        console.Output.WriteLine($"  {feed.Feed,-10} cursor {feed.Cursor ?? "-"}; {feed.Enqueued.ToString(CultureInfo.InvariantCulture)} enqueued; last poll {Stamp(feed.LastPollAt)}"
                            + (feed.NotBefore is { } notBefore ? $"; not before {Stamp(notBefore)}" : "")
                            + (feed.LastError is { } error ? $"; last error: {error}" : ""));
                    }
                }
            }
            else
            {
                console.WriteJson(views);
            }

            return 0;
        });
        command.Subcommands.Add(Check(console, services));
        return command;
    }

    private static Command Check(CliConsole console, CliServices services)
    {
        var command = new Command("check", "Verify each configured network's credentials against its API; exit 1 with one line per failing network.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var provider = Build(services, parseResult.GetValue(CliOptions.Config));
            var checks = provider.GetServices<INetworkCheck>().ToList();
            var results = new List<CheckView>();
            foreach (var check in checks)
            {
                try
                {
                    results.Add(new CheckView(check.Name, true, await check.CheckAsync(cancellationToken), null));
                }
                catch (NetworkApiException exception)
                {
                    results.Add(new CheckView(check.Name, false, null, exception.Message));
                }
            }

            if (CliOptions.IsText(parseResult))
            {
                if (results.Count == 0)
                {
                    console.Output.WriteLine("No network is configured (see docs/networks.md).");
                }

                foreach (var result in results.Where(r => r.Ok))
                {
                    console.Output.WriteLine($"{result.Network}: ok, {result.Account}");
                }
            }
            else
            {
                console.WriteJson(results);
            }

            foreach (var result in results.Where(r => !r.Ok))
            {
                await console.Error.WriteLineAsync($"socialbot: {result.Network}: {result.Error}");
            }

            return results.Any(r => !r.Ok) ? SocialBotCli.Failure : 0;
        });
        return command;
    }

    private static ServiceProvider Build(CliServices services, string? configFile) =>
        new CliServices
        {
            Time = services.Time,
            Configure = (collection, configuration) =>
            {
                collection.AddSocialBotNetworks(configuration);
                services.Configure?.Invoke(collection, configuration);
            },
        }.Build(configFile, cloud: true);

    private static string Stamp(DateTimeOffset? instant) =>
        instant is { } i ? i.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "never";
}

internal sealed record NetworkView(string Network, bool Configured, string Section, DateTimeOffset? LastPollAt, int RepliesSent, IReadOnlyList<FeedView> Feeds);

internal sealed record FeedView(string Feed, string? Cursor, DateTimeOffset? LastPollAt, DateTimeOffset? NotBefore, string? LastError, DateTimeOffset? LastErrorAt, long Enqueued);

internal sealed record CheckView(string Network, bool Ok, string? Account, string? Error);
