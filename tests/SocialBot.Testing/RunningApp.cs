using SocialBot.Functions;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialBot.Azure.Storage;
using SocialBot.Core.Processing;
using SocialBot.Core.Serialization;

namespace SocialBot.Testing;

/// <summary>The Functions app started in-process against Azurite, in standalone mode or (with a port) Functions mode.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningApp(WebApplication app)
    {
        _app = app;
    }

    public StorageStatus Status => _app.Services.GetRequiredService<StorageStatus>();

    public Uri BaseAddress
    {
        get
        {
            var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First());
        }
    }

    public static async Task<RunningApp> StartAsync(
        AzuriteFixture azurite,
        TimeProvider time,
        bool functionsMode = false,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        string[] args = functionsMode ? ["--FUNCTIONS_CUSTOMHANDLER_PORT=7199"] : [];
        var app = SocialBotApp.Build(args, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["SocialBot:Standalone:MessageLease"] = "00:00:03",

                // The load and fault scenarios send many mentions from one sample author; the daily cap has its own tests.
                ["SocialBot:AutoReplies:MaxPerAuthorPerDay"] = "1000",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:SocialBot"] = "Error",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Services.AddSingleton(time);
            services?.Invoke(builder.Services);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync();
        return new RunningApp(app);
    }

    public async Task StopAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _app.StopAsync(cancellation.Token);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public static async Task EnqueueAsync(AzuriteFixture azurite, string queueName, string text)
    {
        var queue = azurite.Queues.GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }

    public static async Task<List<string>> PeekAsync(AzuriteFixture azurite, string queueName)
    {
        var queue = azurite.Queues.GetQueueClient(queueName);
        if (!(await queue.ExistsAsync()).Value)
        {
            return [];
        }

        var messages = (await queue.PeekMessagesAsync(32)).Value;
        return messages.Select(message => Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText))).ToList();
    }

    public static async Task<List<PoisonMessage>> PoisonAsync(AzuriteFixture azurite, string queueName) =>
        (await PeekAsync(azurite, StorageQueueOutbound.PoisonName(queueName)))
            .Select(text => JsonSerializer.Deserialize<PoisonMessage>(text, SocialBotJson.Options)!)
            .ToList();

    /// <summary>Polls until the condition holds or the limit passes; returns whether it held.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return await condition();
    }

    public static string Sample(string name) =>
        File.ReadAllText(Path.Combine(AzuriteFixture.RepoRoot(), "samples", "mentions", name));
}
