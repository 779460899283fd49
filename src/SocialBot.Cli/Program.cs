using SocialBot.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await SocialBotCli.RunAsync(args, CliConsole.System, new CliServices(), cancellation.Token);
