using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Azure.Storage;
using SocialBot.Core.Configuration;
using SocialBot.LocalHost;
using SocialBot.LocalHost.Hosting;
using Jobs = Microsoft.Azure.WebJobs;

namespace SocialBot.Functions.Tests.Hosting;

/// <summary>
/// Publishes the isolated-worker app and checks its layout and functions.metadata, and that the local host serves
/// exactly those functions with the same triggers, so the two hosts can never drift apart.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DriftGuardTests : IClassFixture<PublishedApp>
{
    private readonly PublishedApp _published;

    public DriftGuardTests(PublishedApp published)
    {
        _published = published;
    }

    [Fact]
    public void Publish_ShouldYieldACompleteIsolatedWorkerApp()
    {
        // Arrange
        var folder = _published.Folder;

        // Act
        var exitCode = _published.ExitCode;

        // Assert
        Assert.True(exitCode == 0, _published.Output);
        foreach (var file in new[] { "functions.metadata", "worker.config.json", "host.json", "SocialBot.Functions.dll", "extensions.json", Path.Combine(".azurefunctions", "Microsoft.Azure.WebJobs.Extensions.Storage.Queues.dll") })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} is missing from the published app");
        }

        Assert.False(File.Exists(Path.Combine(folder, "local.settings.json")), "local.settings.json must never be published");
        using var worker = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "worker.config.json")));
        Assert.Equal("dotnet-isolated", worker.RootElement.GetProperty("description").GetProperty("language").GetString());
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "host.json")));
        Assert.False(host.RootElement.TryGetProperty("customHandler", out _), "host.json still configures a custom handler");
        var queues = host.RootElement.GetProperty("extensions").GetProperty("queues");
        Assert.Equal(5, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
        Assert.Equal(string.Empty, host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void FunctionsMetadata_ShouldListEveryFunctionWithItsBindings()
    {
        // Arrange
        var functions = _published.Functions.ToDictionary(function => function.Name, StringComparer.Ordinal);

        // Act
        var names = functions.Keys.Order(StringComparer.Ordinal).ToList();

        // Assert
        Assert.Equal(
            ["Health", "InboxAsset", "InboxCheck", "InboxClaim", "InboxDashboard", "InboxDashboardPage", "InboxDevSignIn", "InboxExtend", "InboxHandoff", "InboxHandoffs", "InboxMe", "InboxNext", "InboxPage", "InboxRelease", "InboxReply", "InboxResolve", "InboxSignOut", "Messages", "MetaWebhook", "NotifyEscalation", "PollNetworks", "SendReply", "SweepRetention", "TriageMention"],
            names);
        Assert.Equal(("timerTrigger", "%SocialBot:Networks:PollSchedule%"), (functions["PollNetworks"].TriggerType, functions["PollNetworks"].Property("schedule")));
        Assert.Equal(("timerTrigger", "%SocialBot:Retention:Schedule%"), (functions["SweepRetention"].TriggerType, functions["SweepRetention"].Property("schedule")));
        Assert.Equal("%SocialBot:Queues:Mentions%", functions["TriageMention"].Property("queueName"));
        Assert.Equal("%SocialBot:Queues:Replies%", functions["SendReply"].Property("queueName"));
        Assert.Equal("%SocialBot:Queues:Notifications%", functions["NotifyEscalation"].Property("queueName"));
        Assert.All(new[] { "TriageMention", "SendReply", "NotifyEscalation" }, name =>
        {
            Assert.Equal("queueTrigger", functions[name].TriggerType);
            Assert.Equal("AzureWebJobsStorage", functions[name].Property("connection"));
            Assert.Equal("String", functions[name].Property("dataType"));
        });
        var http = new Dictionary<string, (string Route, string Methods)>
        {
            ["Messages"] = ("api/messages", "POST"),
            ["Health"] = ("api/health", "GET"),
            ["MetaWebhook"] = ("api/networks/meta", "GET,POST"),
            ["InboxMe"] = ("api/inbox/me", "GET"),
            ["InboxHandoffs"] = ("api/inbox/handoffs", "GET"),
            ["InboxHandoff"] = ("api/inbox/handoff", "GET"),
            ["InboxNext"] = ("api/inbox/next", "POST"),
            ["InboxClaim"] = ("api/inbox/handoff/claim", "POST"),
            ["InboxReply"] = ("api/inbox/handoff/reply", "POST"),
            ["InboxResolve"] = ("api/inbox/handoff/resolve", "POST"),
            ["InboxRelease"] = ("api/inbox/handoff/release", "POST"),
            ["InboxExtend"] = ("api/inbox/handoff/extend", "POST"),
            ["InboxCheck"] = ("api/inbox/check", "POST"),
            ["InboxDashboard"] = ("api/inbox/dashboard", "GET"),
            ["InboxPage"] = ("inbox", "GET"),
            ["InboxDashboardPage"] = ("inbox/dashboard", "GET"),
            ["InboxAsset"] = ("inbox/assets/{name}", "GET"),
            ["InboxDevSignIn"] = ("inbox/dev-signin", "GET"),
            ["InboxSignOut"] = ("inbox/signout", "GET"),
        };
        Assert.All(http, expected =>
        {
            var function = functions[expected.Key];
            Assert.Equal("httpTrigger", function.TriggerType);
            Assert.Equal(expected.Value, (function.Property("route")!, string.Join(",", function.Methods.Select(method => method.ToUpperInvariant()))));
            Assert.Equal("Anonymous", function.Property("authLevel"));
        });
    }

    [Fact]
    public async Task LocalHost_ShouldServeEveryFunctionOfTheApp_WithTheSameTriggers()
    {
        // Arrange
        await using var app = BuildLocalHost();

        // Act
        var problems = DriftGuard.Compare(_published.Functions, LocalHostFunction.Read(app));

        // Assert
        Assert.NotEmpty(_published.Functions);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task EveryQueueTheAppReadsOrWrites_ShouldHaveItsPoisonTwinInStatus()
    {
        // Arrange
        await using var app = BuildLocalHost();
        var resolver = app.Services.GetRequiredService<Jobs.INameResolver>();
        var options = app.Services.GetRequiredService<SocialBotOptions>();
        var written = typeof(QueueNamesOptions).GetProperties().Select(property => (string)property.GetValue(options.Queues)!);
        var triggered = _published.Functions.Where(function => function.TriggerType == "queueTrigger")
            .Select(function => resolver.Resolve(function.Property("queueName")!.Trim('%'))!);

        // Act
        var status = app.Services.GetRequiredService<StorageStatus>().QueueNames.ToHashSet(StringComparer.Ordinal);

        // Assert
        Assert.All(Enumerable.Concat(written, triggered), queue =>
        {
            Assert.Contains(queue, status);
            Assert.Contains(queue + "-poison", status);
        });
    }

    private static WebApplication BuildLocalHost() =>
        LocalHostApp.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = StorageClients.DevelopmentStorage,
        }));
}
