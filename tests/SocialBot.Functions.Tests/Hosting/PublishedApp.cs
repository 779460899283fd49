using System.Diagnostics;
using System.Text.Json;

namespace SocialBot.Functions.Tests.Hosting;

/// <summary><c>dotnet publish src/SocialBot.Functions -c Release</c> once, into a temporary folder, for the tests that read it.</summary>
public sealed class PublishedApp : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "socialbot-publish-" + Guid.NewGuid().ToString("N"));

    public string Output { get; private set; } = "";

    public int ExitCode { get; private set; }

    /// <summary>functions.metadata, as the Worker.Sdk generated it from the [Function] attributes.</summary>
    public IReadOnlyList<FunctionMetadata> Functions { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "publish", Path.Combine(AzuriteFixture.RepoRoot(), "src", "SocialBot.Functions", "SocialBot.Functions.csproj"), "-c", "Release", "-o", Folder, "-nologo", "-v", "quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        ExitCode = publish.ExitCode;
        Output = await stdout + await stderr;
        var metadata = Path.Combine(Folder, "functions.metadata");
        if (File.Exists(metadata))
        {
            Functions = FunctionMetadata.Read(File.ReadAllText(metadata));
        }
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}

/// <summary>One function in functions.metadata and its trigger binding (the binding whose type ends in Trigger).</summary>
public sealed record FunctionMetadata(string Name, string TriggerType, JsonElement Trigger)
{
    public string? Property(string name) =>
        Trigger.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public IReadOnlyList<string> Methods =>
        Trigger.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(method => method.GetString()!.ToUpperInvariant()).Order(StringComparer.Ordinal).ToList() : [];

    public static IReadOnlyList<FunctionMetadata> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(function =>
        {
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(binding => binding.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            return new FunctionMetadata(function.GetProperty("name").GetString()!, trigger.GetProperty("type").GetString()!, trigger.Clone());
        }).ToList();
    }
}
