using System.CommandLine;
using System.Globalization;
using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Azure.Storage;
using SocialBot.Core.Configuration;
using SocialBot.Core.Mentions;

namespace SocialBot.Cli.Commands;

/// <summary><c>send</c>, <c>status</c> and <c>replies list</c>: the commands that touch Azure Storage (Azurite by default).</summary>
internal static class StorageCommands
{
    public static Command Send(CliConsole console, CliServices services)
    {
        var mentionOption = CliOptions.MentionFile();
        var command = new Command("send", "Enqueue a mention on the mentions queue (local demo and ingesters).");
        command.Options.Add(mentionOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var provider = services.Build(parseResult.GetValue(CliOptions.Config), cloud: true);
            var (mention, json) = await MentionInput.ReadAsync(parseResult.GetValue(mentionOption)!, provider.GetRequiredService<MentionParser>(), console, cancellationToken);
            var queueName = provider.GetRequiredService<QueueNamesOptions>().Mentions;
            var queue = provider.GetRequiredService<StorageClients>().Queues.GetQueueClient(queueName);
            var receipt = await Storage(() => SendAsync(queue, provider.GetRequiredService<QueueMessageCodec>().Encode(json.Trim()), cancellationToken));
            var view = new SentView(mention.Id, mention.Channel, queueName, receipt);
            if (CliOptions.IsText(parseResult))
            {
                console.Output.WriteLine($"Queued {mention.Channel} mention {mention.Id} on {queueName}.");
            }
            else
            {
                console.WriteJson(view);
            }

            return 0;
        });
        return command;
    }

    public static Command Status(CliConsole console, CliServices services)
    {
        var command = new Command("status", "Queue depths and mention outcomes (handedOff + ignored + poisoned + pending = received).");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var provider = services.Build(parseResult.GetValue(CliOptions.Config), cloud: true);
            var report = await Storage(() => provider.GetRequiredService<StorageStatus>().ReadAsync(cancellationToken));
            if (CliOptions.IsText(parseResult))
            {
                var o = console.Output;
                o.WriteLine($"Received {report.Received}: handed off {report.HandedOff}, ignored {report.Ignored}, poisoned {report.Poisoned}, pending {report.Pending}; acknowledged automatically {report.Acknowledged}.");
                foreach (var (queue, depth) in report.Queues)
                {
                    o.WriteLine($"  {queue,-24} {depth.ToString(CultureInfo.InvariantCulture),6}");
                }
            }
            else
            {
                console.WriteJson(report);
            }

            return 0;
        });
        return command;
    }

    public static Command Replies(CliConsole console, CliServices services)
    {
        var list = new Command("list", "What the local outbox reply channel kept instead of posting, and why (a network without credentials, a channel SocialBot cannot post to).");
        list.SetAction(async (parseResult, cancellationToken) =>
        {
            using var provider = services.Build(parseResult.GetValue(CliOptions.Config), cloud: true);
            var replies = await Storage(() => provider.GetRequiredService<StorageStatus>().ListRepliesAsync(cancellationToken));
            if (CliOptions.IsText(parseResult))
            {
                if (replies.Count == 0)
                {
                    console.Output.WriteLine("No replies yet.");
                }

                foreach (var reply in replies)
                {
                    console.Output.WriteLine($"[{reply.SentAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}] {reply.Channel} {reply.MentionId} ({reply.Kind}):");
                    console.Output.WriteLine($"    {reply.Text}");
                    if (reply.Reason is { Length: > 0 } reason)
                    {
                        console.Output.WriteLine($"    (kept in the local outbox, not posted: {reason})");
                    }
                }
            }
            else
            {
                console.WriteJson(replies);
            }

            return 0;
        });
        var command = new Command("replies", "Replies recorded by the local outbox channel.");
        command.Subcommands.Add(list);
        return command;
    }

    private static async Task<string> SendAsync(QueueClient queue, string body, CancellationToken cancellationToken)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var receipt = await queue.SendMessageAsync(body, cancellationToken);
        return receipt.Value.MessageId;
    }

    /// <summary>Turns "storage is not running" into one clear line rather than a stack trace.</summary>
    internal static async Task<T> Storage<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (RequestFailedException exception) when (exception.Status == 0)
        {
            throw new CliUnavailableException($"storage is not reachable ({exception.InnerException?.Message ?? exception.Message}); is Azurite running? (./run-local.sh starts it)", exception);
        }
        catch (AggregateException exception)
        {
            throw new CliUnavailableException($"storage is not reachable ({exception.InnerException?.Message}); is Azurite running? (./run-local.sh starts it)", exception);
        }
    }
}

internal sealed record SentView(string MentionId, string Channel, string Queue, string MessageId);
