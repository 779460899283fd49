using System.CommandLine;
using SocialBot.Cli.Commands;

namespace SocialBot.Cli;

/// <summary>The <c>socialbot</c> command line. Exit codes: 0 success, 1 failure, 2 bad input (one line on stderr naming it).</summary>
internal static class SocialBotCli
{
    public const int Failure = 1;

    public const int BadInput = 2;

    public static RootCommand CreateRoot(CliConsole console, CliServices services)
    {
        var root = new RootCommand("SocialBot: after-hours acknowledgements, sentiment triage and handoff to agents.");
        root.Options.Add(CliOptions.Config);
        root.Options.Add(CliOptions.Format);
        root.Subcommands.Add(PreviewCommand.Create(console, services));
        root.Subcommands.Add(HoursCommand.Create(console, services));
        root.Subcommands.Add(EvalCommand.Create(console, services));
        root.Subcommands.Add(AnswersCommand.Create(console, services));
        root.Subcommands.Add(TrainCommand.Create(console, services));
        root.Subcommands.Add(StorageCommands.Send(console, services));
        root.Subcommands.Add(StorageCommands.Status(console, services));
        root.Subcommands.Add(StorageCommands.Replies(console, services));
        root.Subcommands.Add(AgentCommands.Create(console, services));
        root.Subcommands.Add(PoisonCommands.Create(console, services));
        root.Subcommands.Add(NetworksCommand.Create(console, services));
        root.Subcommands.Add(PrivacyCommands.Forget(console, services));
        root.Subcommands.Add(PrivacyCommands.Retention(console, services));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CliServices services, CancellationToken cancellationToken = default)
    {
        var root = CreateRoot(console, services);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            await console.Error.WriteLineAsync($"socialbot: {parseResult.Errors[0].Message}");
            return BadInput;
        }

        try
        {
            return await parseResult.InvokeAsync(new InvocationConfiguration { Output = console.Output, Error = console.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (CliException exception)
        {
            await console.Error.WriteLineAsync($"socialbot: {exception.Message}");
            return exception is CliUnavailableException ? Failure : BadInput;
        }
    }
}
