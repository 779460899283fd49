using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Privacy;

namespace SocialBot.Cli.Commands;

/// <summary>
/// <c>socialbot forget</c> (erase an author's text and name everywhere it is stored) and <c>socialbot retention run</c>
/// (purge what is older than <c>SocialBot:Retention:Days</c> now, as the daily timer does).
/// </summary>
internal static class PrivacyCommands
{
    public static Command Forget(CliConsole console, CliServices services)
    {
        var network = new Option<string>("--network") { Description = "The channel the author wrote on, as in mentions (twitter, msteams, bluesky…).", Required = true };
        var author = new Option<string>("--author") { Description = "The author's id on that channel (the mention's author.id, not the handle).", Required = true };
        var command = new Command("forget", "Erase an author's text and name from handoffs, conversations, outbox and poison queues, and report what changed.");
        command.Options.Add(network);
        command.Options.Add(author);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var channel = parseResult.GetValue(network)?.Trim();
            var authorId = parseResult.GetValue(author)?.Trim();
            if (string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(authorId))
            {
                throw new CliException("forget: --network and --author must not be empty");
            }

            using var provider = services.Build(parseResult.GetValue(CliOptions.Config), cloud: true);
            var report = await PoisonCommands.StorageAsync(() => provider.GetRequiredService<IPersonalDataStore>().EraseAuthorAsync(channel, authorId, cancellationToken));
            Write(console, parseResult, report, $"Erased the text and name of {channel} author {authorId}");
            return 0;
        });
        return command;
    }

    public static Command Retention(CliConsole console, CliServices services)
    {
        var command = new Command("retention", "Data retention (SocialBot:Retention:Days).");
        var run = new Command("run", "Purge everything not changed for the retention period now (the daily timer does the same).");
        run.SetAction(async (parseResult, cancellationToken) =>
        {
            using var provider = services.Build(parseResult.GetValue(CliOptions.Config), cloud: true);
            var sweeper = provider.GetRequiredService<RetentionSweeper>();
            var report = await PoisonCommands.StorageAsync(() => sweeper.SweepAsync(cancellationToken));
            Write(console, parseResult, report, $"Purged what was last changed before {sweeper.Cutoff.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}");
            return 0;
        });
        command.Subcommands.Add(run);
        return command;
    }

    private static void Write(CliConsole console, ParseResult parseResult, PrivacyReport report, string headline)
    {
        if (!CliOptions.IsText(parseResult))
        {
            console.WriteJson(report);
            return;
        }

        console.Output.WriteLine($"{headline}: {report.Total.ToString(CultureInfo.InvariantCulture)} item(s).");
        foreach (var (store, count) in report.Counts)
        {
            console.Output.WriteLine($"  {store,-24} {count.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
