using System.CommandLine;
using System.Globalization;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Azure.Storage;
using SocialBot.Core.Configuration;

namespace SocialBot.Cli.Commands;

/// <summary><c>poison list</c> and <c>poison replay</c>: inspect and re-drive poisoned messages after a fix.</summary>
internal static class PoisonCommands
{
    public static Command Create(CliConsole console, CliServices services)
    {
        var command = new Command("poison", "Poisoned messages: list them, or put them back on their queue after a fix.");
        command.Subcommands.Add(List(console, services));
        command.Subcommands.Add(Replay(console, services));
        return command;
    }

    private static Option<string?> QueueOption() => new("--queue")
    {
        Description = "The source queue whose -poison twin to read (default: the mentions queue).",
    };

    private static Command List(CliConsole console, CliServices services)
    {
        var queueOption = QueueOption();
        var command = new Command("list", $"The first {PoisonStore.MaxPeek} poison messages with reason, dequeue count and time (text shows only a short preview).");
        command.Options.Add(queueOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var provider = services.Build(parseResult.GetValue(CliOptions.Config), cloud: true);
            var queue = QueueName(parseResult.GetValue(queueOption), provider);
            var entries = await StorageAsync(() => Store(provider).ListAsync(queue, cancellationToken));
            if (!CliOptions.IsText(parseResult))
            {
                console.WriteJson(entries);
                return 0;
            }

            if (entries.Count == 0)
            {
                console.Output.WriteLine($"No poison messages for {queue}.");
            }

            foreach (var entry in entries)
            {
                var at = entry.PoisonedAt?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "unknown time";
                console.Output.WriteLine($"{entry.Id}  [{at}] {entry.Queue}, {entry.DequeueCount.ToString(CultureInfo.InvariantCulture)} attempt(s): {entry.Reason}");
                console.Output.WriteLine($"    {entry.Preview()}");
            }

            return 0;
        });
        return command;
    }

    private static Command Replay(CliConsole console, CliServices services)
    {
        var queueOption = QueueOption();
        var idOption = new Option<string?>("--id") { Description = "The poison message id (from poison list) to re-drive." };
        var allOption = new Option<bool>("--all") { Description = "Re-drive every poison message of the queue." };
        var command = new Command("replay", "Put poison messages back on their source queue (written there before they are deleted from the poison queue).");
        command.Options.Add(queueOption);
        command.Options.Add(idOption);
        command.Options.Add(allOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var id = parseResult.GetValue(idOption);
            var all = parseResult.GetValue(allOption);
            if (string.IsNullOrWhiteSpace(id) == !all)
            {
                throw new CliException("poison replay: give either --id MESSAGEID or --all");
            }

            using var provider = services.Build(parseResult.GetValue(CliOptions.Config), cloud: true);
            var queue = QueueName(parseResult.GetValue(queueOption), provider);
            var replayed = await StorageAsync(() => Store(provider).ReplayAsync(queue, all ? null : id, cancellationToken));
            if (!all && replayed.Count == 0)
            {
                throw new CliException($"poison replay --id {id}: no such message on {PoisonStore.PoisonName(queue)}");
            }

            if (CliOptions.IsText(parseResult))
            {
                console.Output.WriteLine($"Re-drove {replayed.Count.ToString(CultureInfo.InvariantCulture)} message(s) from {PoisonStore.PoisonName(queue)} to {queue}.");
            }
            else
            {
                console.WriteJson(new ReplayView(queue, replayed));
            }

            return 0;
        });
        return command;
    }

    private static PoisonStore Store(IServiceProvider provider) => ActivatorUtilities.CreateInstance<PoisonStore>(provider);

    private static string QueueName(string? requested, IServiceProvider provider)
    {
        var names = provider.GetRequiredService<QueueNamesOptions>();
        var known = new[] { names.Mentions, names.Replies, names.Handoffs, names.UrgentHandoffs };
        var queue = string.IsNullOrWhiteSpace(requested) ? names.Mentions : requested.Trim();
        return known.Contains(queue, StringComparer.Ordinal)
            ? queue
            : throw new CliException($"--queue: '{queue}' is not one of the app's queues ({string.Join(", ", known)})");
    }

    internal static async Task<T> StorageAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (RequestFailedException exception) when (exception.Status == 0)
        {
            throw new CliException($"storage is not reachable ({exception.InnerException?.Message ?? exception.Message}); is Azurite running?", exception);
        }
        catch (AggregateException exception)
        {
            throw new CliException($"storage is not reachable ({exception.InnerException?.Message}); is Azurite running?", exception);
        }
    }
}

internal sealed record ReplayView(string Queue, IReadOnlyList<string> Replayed);
