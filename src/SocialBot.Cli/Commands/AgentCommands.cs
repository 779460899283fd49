using System.CommandLine;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Core.Configuration;
using SocialBot.Core.Handoffs;
using SocialBot.Core.Triage;

namespace SocialBot.Cli.Commands;

/// <summary>
/// <c>socialbot agent next|list|show|reply|resolve|release|extend</c>: the support agents' workflow over the handoffs.
/// Readable tables by default; JSON only when <c>--format json</c> is given.
/// </summary>
internal static class AgentCommands
{
    public const string AgentVariable = "SOCIALBOT_AGENT";

    public static Command Create(CliConsole console, CliServices services)
    {
        var agent = new Option<string?>("--agent")
        {
            Description = $"Your name, recorded on claims and in the audit trail (default: ${AgentVariable}, then $USER).",
            Recursive = true,
        };
        var command = new Command("agent", "Work the handoffs: claim the next one, reply to the customer, resolve it.");
        command.Options.Add(agent);
        command.Subcommands.Add(Next(console, services, agent));
        command.Subcommands.Add(List(console, services));
        command.Subcommands.Add(Show(console, services));
        command.Subcommands.Add(Reply(console, services, agent));
        command.Subcommands.Add(Resolve(console, services, agent));
        command.Subcommands.Add(Simple("release", "Give a handoff back to the queue so someone else can take it.", console, services, agent, (desk, id, name, ct) => desk.ReleaseAsync(id, name, ct)));
        command.Subcommands.Add(Simple("extend", "Renew your claim on a handoff for another lease period.", console, services, agent, (desk, id, name, ct) => desk.ExtendAsync(id, name, ct)));
        return command;
    }

    private static Command Next(CliConsole console, CliServices services, Option<string?> agent)
    {
        var command = new Command("next", "Claim the most urgent waiting handoff and show everything needed to answer it.");
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, console, services, async (desk, view) =>
        {
            var handoff = await desk.NextAsync(AgentName(parseResult, agent), cancellationToken);
            if (view.Json)
            {
                console.WriteJson(handoff);
            }
            else if (handoff is null)
            {
                console.Output.WriteLine("Nothing is waiting.");
            }
            else
            {
                view.Details(handoff);
            }
        }));
        return command;
    }

    private static Command List(CliConsole console, CliServices services)
    {
        var status = new Option<string?>("--status") { Description = "open, claimed or resolved." };
        var priority = new Option<string?>("--priority") { Description = "urgent or normal." };
        var command = new Command("list", "Handoffs, overdue first, then urgent first, then by when they are due.");
        command.Options.Add(status);
        command.Options.Add(priority);
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, console, services, async (desk, view) =>
        {
            var statusFilter = ParseChoice<HandoffStatus>("--status", parseResult.GetValue(status), "open, claimed or resolved");
            var priorityFilter = ParseChoice<HandoffPriority>("--priority", parseResult.GetValue(priority), "urgent or normal");
            var handoffs = await desk.ListAsync(statusFilter, priorityFilter, cancellationToken);
            if (view.Json)
            {
                console.WriteJson(handoffs);
            }
            else
            {
                view.Table(handoffs);
            }
        }));
        return command;
    }

    private static Command Show(CliConsole console, CliServices services)
    {
        var id = IdArgument();
        var command = new Command("show", "Everything about one handoff, with its audit trail.");
        command.Arguments.Add(id);
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, console, services, async (desk, view) =>
            view.Write(await desk.ShowAsync(parseResult.GetValue(id)!, cancellationToken))));
        return command;
    }

    private static Command Reply(CliConsole console, CliServices services, Option<string?> agent)
    {
        var id = IdArgument();
        var text = new Argument<string>("TEXT") { Description = "What to send the customer (in public channels everyone sees it: no personal details)." };
        var requestId = new Option<string?>("--request-id")
        {
            Description = "An id for this request (1-64 letters, digits, '-', '_', '.'): running the command again with it never posts twice. "
                + "Without it the id is derived from your name and the text, so the same text is sent once.",
        };
        var command = new Command("reply", "Send your reply to the customer through the configured channel.");
        command.Arguments.Add(id);
        command.Arguments.Add(text);
        command.Options.Add(requestId);
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, console, services, async (desk, view) =>
        {
            var message = parseResult.GetValue(text);
            if (string.IsNullOrWhiteSpace(message))
            {
                throw new CliException("reply: TEXT is empty; write what to send the customer");
            }

            var handoff = await desk.ReplyAsync(parseResult.GetValue(id)!, AgentName(parseResult, agent), message.Trim(), parseResult.GetValue(requestId), cancellationToken);
            view.Write(handoff, $"Reply queued for {handoff.Channel}. You hold {handoff.Id} until {view.Time(handoff.ClaimedUntil)}; resolve it when done.");
        }));
        return command;
    }

    private static Command Resolve(CliConsole console, CliServices services, Option<string?> agent)
    {
        var id = IdArgument();
        var note = new Option<string?>("--note") { Description = "A note for the audit trail." };
        var command = new Command("resolve", "Close a handoff; it never comes back.");
        command.Arguments.Add(id);
        command.Options.Add(note);
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, console, services, async (desk, view) =>
        {
            var handoff = await desk.ResolveAsync(parseResult.GetValue(id)!, AgentName(parseResult, agent), parseResult.GetValue(note), cancellationToken);
            view.Write(handoff, $"Resolved {handoff.Id}.");
        }));
        return command;
    }

    private static Command Simple(
        string name, string description, CliConsole console, CliServices services, Option<string?> agent, Func<IHandoffDesk, string, string, CancellationToken, Task<Handoff>> act)
    {
        var id = IdArgument();
        var command = new Command(name, description);
        command.Arguments.Add(id);
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, console, services, async (desk, view) =>
        {
            var handoff = await act(desk, parseResult.GetValue(id)!, AgentName(parseResult, agent), cancellationToken);
            view.Write(handoff, handoff.Status == HandoffStatus.Open ? $"Released {handoff.Id}; it is back in the queue." : $"You hold {handoff.Id} until {view.Time(handoff.ClaimedUntil)}.");
        }));
        return command;
    }

    private static Argument<string> IdArgument() => new("ID") { Description = "The handoff id, as shown by next and list (channel/mentionId)." };

    private static async Task<int> RunAsync(ParseResult parseResult, CliConsole console, CliServices services, Func<IHandoffDesk, AgentView, Task> action)
    {
        using var provider = services.Build(parseResult.GetValue(CliOptions.Config), cloud: true);
        var json = parseResult.GetResult(CliOptions.Format) is { Implicit: false } && parseResult.GetValue(CliOptions.Format) == "json";
        var view = new AgentView(console, json, provider.GetRequiredService<StaffedHoursOptions>().TimeZone, provider.GetRequiredService<TimeProvider>().GetUtcNow());
        try
        {
            await action(provider.GetRequiredService<IHandoffDesk>(), view);
            return 0;
        }
        catch (HandoffException exception)
        {
            throw new CliException(exception.Message, exception);
        }
        catch (RequestFailedException exception) when (exception.Status == 0)
        {
            throw new CliException($"storage is not reachable ({exception.InnerException?.Message ?? exception.Message}); is Azurite running? (./run-local.sh starts it)", exception);
        }
    }

    /// <summary>The agent's name: <c>--agent</c>, else <c>$SOCIALBOT_AGENT</c>, else <c>$USER</c> (or <c>$USERNAME</c>).</summary>
    private static string AgentName(ParseResult parseResult, Option<string?> option)
    {
        var name = new[] { parseResult.GetValue(option), Environment.GetEnvironmentVariable(AgentVariable), Environment.GetEnvironmentVariable("USER"), Environment.GetEnvironmentVariable("USERNAME") }
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
        return name?.Trim() ?? throw new CliException($"--agent: give your name (or set {AgentVariable})");
    }

    private static T? ParseChoice<T>(string option, string? value, string allowed)
        where T : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        return Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && !int.TryParse(value, out _)
            ? parsed
            : throw new CliException($"{option}: '{value}' is not one of {allowed}");
    }
}
