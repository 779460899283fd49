using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace SocialBot.Cli.Tests;

/// <summary>Runs the <c>socialbot</c> command in-process and captures what it prints.</summary>
internal sealed class CliRunner
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.FromHours(-5)));

    public Action<IServiceCollection, IConfiguration>? Configure { get; init; }

    public static string Samples { get; } = Path.Combine(RepositoryRoot(), "samples");

    public async Task<CliResult> RunWithInputAsync(string? stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin ?? "");
        var console = new CliConsole(output, error, input);
        var exitCode = await SocialBotCli.RunAsync(args, console, new CliServices { Time = Time, Configure = Configure });
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SocialBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SocialBot.sln not found above " + AppContext.BaseDirectory);
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Output).RootElement;
}
